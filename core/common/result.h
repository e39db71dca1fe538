// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace wxr {

/// Broad classes of failure. Logic and tests branch on these; people read Error::message.
enum class ErrorCode {
    InvalidInput,   ///< malformed data: a bad CSV row, an amount that is not exact, a bad date
    Io,             ///< a file or device could not be read or written
    NotFound,       ///< the thing asked for does not exist (normal outcome for lookups)
    Config,         ///< merchant configuration is incomplete or inconsistent
    Crypto,         ///< a key, certificate or cipher operation failed
    Verification,   ///< a signature, timestamp, digest or AEAD tag did not verify
    Network,        ///< transport failure or timeout
    Api,            ///< WeChat Pay answered with an error code
    Database,       ///< the ledger could not complete a transaction
    Cancelled,      ///< the user or caller cancelled
    Conflict,       ///< the operation contradicts current state
    Internal,       ///< a bug: an invariant did not hold
};

/// A failure as a value: a code for logic, one clear sentence for people, and an optional
/// detail (technical text shown on demand). Messages never contain secrets.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString detail;

    /// Returns a copy whose message is prefixed with context, e.g. a file name.
    [[nodiscard]] Error prefixed(const QString &context) const
    {
        return Error{code, context + QStringLiteral(": ") + message, detail};
    }
};

/// `sentence` without its closing full stop ("." or "。"), for a message that goes on, e.g.
/// "%1; nothing was imported." with an error's message as %1.
inline QString withoutFullStop(QString sentence)
{
    if (sentence.endsWith(u'.') || sentence.endsWith(u'。'))
        sentence.chop(1);
    return sentence;
}

/// expected-like result type (std::expected is C++23). Implicitly constructible from a
/// value or from an Error, so `return value;` and `return Error{...};` both work.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(const T &value) : m_data(std::in_place_index<0>, value) {}
    Result(T &&value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    [[nodiscard]] bool ok() const noexcept { return m_data.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    [[nodiscard]] T valueOr(T fallback) const & { return ok() ? value() : std::move(fallback); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    [[nodiscard]] bool ok() const noexcept { return m_ok; }
    explicit operator bool() const noexcept { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

inline Error makeError(ErrorCode code, QString message, QString detail = {})
{
    return Error{code, std::move(message), std::move(detail)};
}

} // namespace wxr
