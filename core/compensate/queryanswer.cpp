// SPDX-License-Identifier: GPL-3.0-or-later
#include "compensate/queryanswer.h"

namespace wxr::core {

namespace {

struct OutcomeWord
{
    AnswerOutcome outcome;
    const char16_t *word;
};
constexpr OutcomeWord kOutcomeWords[] = {
    {AnswerOutcome::Answered, u"ANSWERED"},
    {AnswerOutcome::NotFound, u"NOT_FOUND"},
    {AnswerOutcome::RateLimited, u"RATE_LIMITED"},
    {AnswerOutcome::VerificationFailed, u"VERIFICATION_FAILED"},
    {AnswerOutcome::NetworkError, u"NETWORK"},
    {AnswerOutcome::ApiError, u"API_ERROR"},
    {AnswerOutcome::LocalError, u"LOCAL_ERROR"},
    {AnswerOutcome::Cancelled, u"CANCELLED"},
};

} // namespace

QString requeryKindWord(RequeryKind kind)
{
    return kind == RequeryKind::Order ? QStringLiteral("order") : QStringLiteral("refund");
}

std::optional<RequeryKind> requeryKindFromWord(QStringView word)
{
    if (word == u"order")
        return RequeryKind::Order;
    if (word == u"refund")
        return RequeryKind::Refund;
    return std::nullopt;
}

QString answerOutcomeWord(AnswerOutcome outcome)
{
    for (const OutcomeWord &w : kOutcomeWords) {
        if (w.outcome == outcome)
            return QString::fromUtf16(w.word);
    }
    return {};
}

std::optional<AnswerOutcome> answerOutcomeFromWord(QStringView word)
{
    for (const OutcomeWord &w : kOutcomeWords) {
        if (word == QStringView(w.word))
            return w.outcome;
    }
    return std::nullopt;
}

QString QueryAnswer::remoteState() const
{
    if (order)
        return order->tradeState;
    if (refund)
        return refund->status;
    return {};
}

} // namespace wxr::core
