// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "wechatpay/responseverifier.h"

#include <QByteArray>
#include <QString>

#include <utility>
#include <variant>

namespace wxr::core {

/// A failed WeChat Pay API call, with everything support and the scheduler need (spec §6.1):
/// the HTTP status, WeChat's `code`/`message`/`detail`, the Request-ID, and for signature
/// failures the typed cause. `kind` is the broad class callers branch on:
///  - Network: no HTTP answer (connection, TLS, timeout) — retried for idempotent calls;
///  - Api: WeChat answered with an error (4xx, or 5xx/429 after the retries ran out);
///  - NotFound: 404 / ORDER_NOT_EXIST / ORDERNOTEXIST / RESOURCE_NOT_EXISTS / NOT_FOUND;
///  - Verification: a 2xx whose signature did not verify (the body is discarded), or a bill
///    whose SHA-1 digest did not match;
///  - InvalidInput: an argument we refuse to send, or a verified body we cannot read;
///  - Config / Crypto: local set-up problems (no key, no APIv3 key, …).
/// Error bodies of non-2xx answers are unauthenticated: they are diagnostics, never acted on
/// beyond their code.
struct ApiError
{
    ErrorCode kind = ErrorCode::Network;
    QString message; ///< one sentence for people (no secrets)
    int httpStatus = 0;
    QString code;       ///< WeChat's error code as sent, e.g. "ORDER_NOT_EXIST"
    QString apiMessage; ///< WeChat's human text
    QByteArray detail;  ///< raw JSON of `detail`, or the raw body when it is not JSON
    QByteArray requestId;
    VerifyFailure verifyFailure = VerifyFailure::None;
    int attempts = 0; ///< HTTP attempts made (1 = no retry)

    /// 429 or RATELIMIT_EXCEEDED / FREQUENCY_LIMITED (both spellings of the docs).
    [[nodiscard]] bool isRateLimited() const;
    [[nodiscard]] bool isNotFound() const { return kind == ErrorCode::NotFound; }
    /// A plain Error: kind, message, and a detail line with status, code and Request-ID.
    [[nodiscard]] Error toError() const;
};

/// The outcome of an API call: a value or an ApiError. Copyable (it travels in a QFuture).
template<typename T>
class [[nodiscard]] ApiResult
{
public:
    ApiResult(const T &value)
        : m_data(std::in_place_index<0>, value)
    {}
    ApiResult(T &&value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    ApiResult(ApiError error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    [[nodiscard]] bool ok() const noexcept { return m_data.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }
    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const ApiError &apiError() const { return std::get<1>(m_data); }
    /// The failure as a plain Error (for Result-based code and the CLI).
    [[nodiscard]] Error error() const { return apiError().toError(); }

private:
    std::variant<T, ApiError> m_data;
};

} // namespace wxr::core
