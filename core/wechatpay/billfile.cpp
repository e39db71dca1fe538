// SPDX-License-Identifier: GPL-3.0-or-later
#include "wechatpay/billfile.h"

namespace wxr::core {

QString tradeBillTypeName(TradeBillType type)
{
    switch (type) {
    case TradeBillType::All:
        return QStringLiteral("ALL");
    case TradeBillType::Success:
        return QStringLiteral("SUCCESS");
    case TradeBillType::Refund:
        return QStringLiteral("REFUND");
    }
    return QStringLiteral("ALL");
}

QString fundAccountTypeName(FundAccountType type)
{
    switch (type) {
    case FundAccountType::Basic:
        return QStringLiteral("BASIC");
    case FundAccountType::Operation:
        return QStringLiteral("OPERATION");
    case FundAccountType::Fees:
        return QStringLiteral("FEES");
    }
    return QStringLiteral("BASIC");
}

} // namespace wxr::core
