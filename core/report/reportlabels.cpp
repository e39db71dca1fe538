// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/reportlabels.h"

#include "common/coretr.h"

namespace wxr::core {

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

QStringList discrepancyColumnTitles()
{
    return {Tr::tr("Bill date"),
            Tr::tr("Kind"),
            Tr::tr("Merchant order no."),
            Tr::tr("WeChat Pay order no."),
            Tr::tr("Ledger status"),
            Tr::tr("Bill status"),
            Tr::tr("Ledger amount (yuan)"),
            Tr::tr("Bill amount (yuan)"),
            Tr::tr("Merchant refund no."),
            Tr::tr("Ledger refund (yuan)"),
            Tr::tr("Bill refund (yuan)"),
            Tr::tr("State"),
            Tr::tr("Note")};
}

} // namespace wxr::core
