// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/reportlabels.h"

#include "common/coretr.h"

namespace wxr::core {

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
