// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace wxr::core {

/// WeChat Pay's trade_state words (spec §5.3), shared by the protocol side (order queries,
/// callbacks: wechatpay/wechattransaction.h) and the ledger's state machine
/// (ledger/statemachine.h), each with its own parsing and naming functions. Unknown stands for
/// any word not listed: new states appear over time and mean "not final, keep polling", never
/// a failure. The order of the enumerators carries no meaning.
enum class TradeState {
    NotPay,
    UserPaying,
    Accept,
    Success,
    Refund,
    Closed,
    Revoked,
    PayError,
    Unknown
};

} // namespace wxr::core
