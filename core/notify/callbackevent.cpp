// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/callbackevent.h"

#include "common/coretr.h"

namespace wxr::core {

namespace {

struct OutcomeName
{
    CallbackOutcome outcome;
    const char *name;
};

constexpr OutcomeName kOutcomes[] = {
    {CallbackOutcome::Applied, "applied"}, {CallbackOutcome::Duplicate, "duplicate"},
    {CallbackOutcome::Ignored, "ignored"}, {CallbackOutcome::Rejected, "rejected"},
    {CallbackOutcome::Error, "error"},
};

// Indexed by FailureCause; the names match verifyFailureName() for the verifier's causes.
constexpr const char *kCauseNames[kFailureCauseCount] = {
    "none",
    "missing_header",
    "bad_timestamp",
    "stale_timestamp",
    "unknown_serial",
    "bad_signature",
    "probe",
    "unsupported_signature_type",
    "decrypt_failure",
    "malformed",
    "misrouted",
    "database_error",
    "verify_timeout",
    "unspecified",
};

} // namespace

QString callbackOutcomeName(CallbackOutcome outcome)
{
    for (const auto &o : kOutcomes) {
        if (o.outcome == outcome)
            return QString::fromLatin1(o.name);
    }
    return QStringLiteral("error");
}

std::optional<CallbackOutcome> parseCallbackOutcome(QStringView name)
{
    for (const auto &o : kOutcomes) {
        if (name.compare(QLatin1String(o.name), Qt::CaseInsensitive) == 0)
            return o.outcome;
    }
    return std::nullopt;
}

QString failureCauseName(FailureCause cause)
{
    const int i = static_cast<int>(cause);
    return i >= 0 && i < kFailureCauseCount ? QString::fromLatin1(kCauseNames[i])
                                            : QStringLiteral("unspecified");
}

std::optional<FailureCause> parseFailureCause(QStringView name)
{
    for (int i = 0; i < kFailureCauseCount; ++i) {
        if (name.compare(QLatin1String(kCauseNames[i]), Qt::CaseInsensitive) == 0)
            return static_cast<FailureCause>(i);
    }
    return std::nullopt;
}

QString failureCauseLabel(FailureCause cause)
{
    switch (cause) {
    case FailureCause::None:
        return Tr::tr("none");
    case FailureCause::MissingHeader:
        return Tr::tr("missing header");
    case FailureCause::BadTimestamp:
        return Tr::tr("bad timestamp");
    case FailureCause::StaleTimestamp:
        return Tr::tr("stale timestamp");
    case FailureCause::UnknownSerial:
        return Tr::tr("unknown serial");
    case FailureCause::BadSignature:
        return Tr::tr("bad signature");
    case FailureCause::Probe:
        return Tr::tr("probe");
    case FailureCause::UnsupportedSignatureType:
        return Tr::tr("unsupported signature type");
    case FailureCause::DecryptFailure:
        return Tr::tr("decryption failure");
    case FailureCause::Malformed:
        return Tr::tr("malformed");
    case FailureCause::Misrouted:
        return Tr::tr("misrouted");
    case FailureCause::DatabaseError:
        return Tr::tr("database error");
    case FailureCause::VerifyTimeout:
        return Tr::tr("verification timed out");
    case FailureCause::Unspecified:
        return Tr::tr("unspecified");
    }
    return Tr::tr("unspecified");
}

FailureCause failureCauseOf(VerifyFailure failure)
{
    switch (failure) {
    case VerifyFailure::None:
        return FailureCause::None;
    case VerifyFailure::MissingHeader:
        return FailureCause::MissingHeader;
    case VerifyFailure::BadTimestamp:
        return FailureCause::BadTimestamp;
    case VerifyFailure::StaleTimestamp:
        return FailureCause::StaleTimestamp;
    case VerifyFailure::UnknownSerial:
        return FailureCause::UnknownSerial;
    case VerifyFailure::BadSignature:
        return FailureCause::BadSignature;
    case VerifyFailure::Probe:
        return FailureCause::Probe;
    case VerifyFailure::UnsupportedSignatureType:
        return FailureCause::UnsupportedSignatureType;
    }
    return FailureCause::Unspecified;
}

QString callbackSourceName(CallbackSource source)
{
    return source == CallbackSource::Import ? QStringLiteral("import") : QStringLiteral("receiver");
}

} // namespace wxr::core
