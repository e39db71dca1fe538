// SPDX-License-Identifier: GPL-3.0-or-later
#include "compensate/requeryitem.h"

namespace wxr::core {

namespace {

template<typename E>
struct Word
{
    E value;
    const char16_t *word;
};

constexpr Word<RequeryReason> kReasons[] = {
    {RequeryReason::Unpaid, u"UNPAID"},
    {RequeryReason::StatusMismatch, u"STATUS_MISMATCH"},
    {RequeryReason::MissingInBill, u"MISSING_IN_BILL"},
    {RequeryReason::MissingInLedger, u"MISSING_IN_LEDGER"},
    {RequeryReason::RefundProcessing, u"REFUND_PROCESSING"},
    {RequeryReason::Manual, u"MANUAL"},
};

constexpr Word<QueueState> kStates[] = {
    {QueueState::Pending, u"PENDING"},
    {QueueState::Done, u"DONE"},
    {QueueState::NeedsAttention, u"NEEDS_ATTENTION"},
};

template<typename E, size_t N>
QString wordOf(const Word<E> (&table)[N], E value)
{
    for (const Word<E> &w : table) {
        if (w.value == value)
            return QString::fromUtf16(w.word);
    }
    return {};
}

template<typename E, size_t N>
std::optional<E> valueOf(const Word<E> (&table)[N], QStringView word)
{
    for (const Word<E> &w : table) {
        if (word == QStringView(w.word))
            return w.value;
    }
    return std::nullopt;
}

} // namespace

QString requeryReasonWord(RequeryReason reason)
{
    return wordOf(kReasons, reason);
}

std::optional<RequeryReason> requeryReasonFromWord(QStringView word)
{
    return valueOf(kReasons, word);
}

QString queueStateWord(QueueState state)
{
    return wordOf(kStates, state);
}

std::optional<QueueState> queueStateFromWord(QStringView word)
{
    return valueOf(kStates, word);
}

} // namespace wxr::core
