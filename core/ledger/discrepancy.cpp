// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/discrepancy.h"

#include "common/coretr.h"

namespace wxr::core {

QString discrepancyKindName(DiscrepancyKind kind)
{
    switch (kind) {
    case DiscrepancyKind::MissingInLedger:
        return QStringLiteral("MISSING_IN_LEDGER");
    case DiscrepancyKind::MissingInBill:
        return QStringLiteral("MISSING_IN_BILL");
    case DiscrepancyKind::AmountMismatch:
        return QStringLiteral("AMOUNT_MISMATCH");
    case DiscrepancyKind::StatusMismatch:
        return QStringLiteral("STATUS_MISMATCH");
    case DiscrepancyKind::RefundMismatch:
        return QStringLiteral("REFUND_MISMATCH");
    case DiscrepancyKind::DuplicateInBill:
        return QStringLiteral("DUPLICATE_IN_BILL");
    case DiscrepancyKind::CrossDayPending:
        return QStringLiteral("CROSS_DAY_PENDING");
    }
    return {};
}

QList<DiscrepancyKind> allDiscrepancyKinds()
{
    QList<DiscrepancyKind> out;
    for (int k = 1; k <= kDiscrepancyKindCount; ++k)
        out.append(static_cast<DiscrepancyKind>(k));
    return out;
}

std::optional<DiscrepancyKind> discrepancyKindFromName(QStringView name)
{
    for (DiscrepancyKind k : allDiscrepancyKinds()) {
        if (name == discrepancyKindName(k))
            return k;
    }
    return std::nullopt;
}

QString discrepancyStateName(DiscrepancyState state)
{
    switch (state) {
    case DiscrepancyState::Open:
        return QStringLiteral("OPEN");
    case DiscrepancyState::Acknowledged:
        return QStringLiteral("ACKNOWLEDGED");
    case DiscrepancyState::Resolved:
        return QStringLiteral("RESOLVED");
    case DiscrepancyState::Ignored:
        return QStringLiteral("IGNORED");
    }
    return {};
}

std::optional<DiscrepancyState> discrepancyStateFromName(QStringView name)
{
    for (DiscrepancyState s : {DiscrepancyState::Open, DiscrepancyState::Acknowledged,
                               DiscrepancyState::Resolved, DiscrepancyState::Ignored}) {
        if (name == discrepancyStateName(s))
            return s;
    }
    return std::nullopt;
}

QString discrepancyKindLabel(DiscrepancyKind kind)
{
    switch (kind) {
    case DiscrepancyKind::MissingInLedger:
        return Tr::tr("Missing in ledger");
    case DiscrepancyKind::MissingInBill:
        return Tr::tr("Missing in bill");
    case DiscrepancyKind::AmountMismatch:
        return Tr::tr("Amount mismatch");
    case DiscrepancyKind::StatusMismatch:
        return Tr::tr("Status mismatch");
    case DiscrepancyKind::RefundMismatch:
        return Tr::tr("Refund mismatch");
    case DiscrepancyKind::DuplicateInBill:
        return Tr::tr("Duplicate in bill");
    case DiscrepancyKind::CrossDayPending:
        return Tr::tr("Cross-day pending");
    }
    return {};
}

QString discrepancyStateLabel(DiscrepancyState state)
{
    switch (state) {
    case DiscrepancyState::Open:
        return Tr::tr("Open");
    case DiscrepancyState::Acknowledged:
        return Tr::tr("Acknowledged");
    case DiscrepancyState::Resolved:
        return Tr::tr("Resolved");
    case DiscrepancyState::Ignored:
        return Tr::tr("Ignored");
    }
    return {};
}

namespace {

// UTF-16 order differs from UTF-8 byte order only when surrogates meet U+E000..U+FFFF;
// compare code points in that case so that the order is the contract's byte order.
int compareUtf8Order(const QString &a, const QString &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t x = a[i].unicode();
        const char16_t y = b[i].unicode();
        if (x == y)
            continue;
        const auto fix = [](char16_t c) -> quint32 {
            // Surrogates (4-byte UTF-8) sort above every BMP character.
            return (c >= 0xD800 && c <= 0xDFFF) ? c + 0x10000u : c;
        };
        return fix(x) < fix(y) ? -1 : 1;
    }
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

} // namespace

bool discrepancyLess(const Discrepancy &a, const Discrepancy &b)
{
    if (a.billDate != b.billDate)
        return a.billDate < b.billDate;
    if (a.kind != b.kind)
        return a.kind < b.kind;
    if (const int c = compareUtf8Order(a.outTradeNo, b.outTradeNo); c != 0)
        return c < 0;
    return compareUtf8Order(a.outRefundNo, b.outRefundNo) < 0;
}

} // namespace wxr::core
