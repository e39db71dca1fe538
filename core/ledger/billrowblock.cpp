// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledger/billrowblock.h"

#include "common/coretr.h"

namespace wxr::core::billblock {

namespace {

enum Flag : unsigned char { Refund = 1, Flagged = 2 };

void putUnsigned(std::string &out, quint64 v)
{
    char buf[10];
    int n = 0;
    while (v >= 0x80) {
        buf[n++] = char((v & 0x7f) | 0x80);
        v >>= 7;
    }
    buf[n++] = char(v);
    out.append(buf, size_t(n));
}

void putSigned(std::string &out, qint64 v)
{
    putUnsigned(out, (quint64(v) << 1) ^ quint64(v >> 63));
}

void putText(std::string &out, std::string_view s)
{
    putUnsigned(out, s.size());
    out.append(s);
}

// Reads from a block; any read past its end leaves `ok` false and yields zeros.
struct Reader
{
    const unsigned char *p;
    const unsigned char *end;
    bool ok = true;

    quint64 getUnsigned()
    {
        quint64 v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p == end)
                break;
            const unsigned char b = *p++;
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        ok = false;
        return 0;
    }

    qint64 getSigned()
    {
        const quint64 v = getUnsigned();
        return qint64(v >> 1) ^ -qint64(v & 1);
    }

    std::string_view getText()
    {
        const quint64 n = getUnsigned();
        if (!ok || n > quint64(end - p)) {
            ok = false;
            return {};
        }
        const std::string_view s(reinterpret_cast<const char *>(p), size_t(n));
        p += n;
        return s;
    }

    unsigned char getByte()
    {
        if (p == end) {
            ok = false;
            return 0;
        }
        return *p++;
    }
};

} // namespace

void begin(std::string &out)
{
    out.clear();
    out.push_back(kFormat);
}

void append(std::string &out, const TradeBillRow &row)
{
    const bool refund = row.isRefund();
    putUnsigned(out, quint64(row.line));
    out.push_back(char((refund ? Refund : 0) | (row.fieldCountMismatch ? Flagged : 0)));
    putSigned(out, row.tradeTime);
    putSigned(out, row.orderFen);
    putSigned(out, row.settlementFen);
    putSigned(out, row.couponFen);
    putSigned(out, row.feeMilli);
    putText(out, row.transactionId);
    putText(out, row.outTradeNo);
    putText(out, row.tradeState);
    putText(out, row.tradeType);
    if (refund) {
        putText(out, row.refundId);
        putText(out, row.outRefundNo);
        putSigned(out, row.refundFen);
        putSigned(out, row.refundAppliedFen);
        putSigned(out, row.rechargeRefundFen);
        putText(out, row.refundType);
        putText(out, row.refundStatus);
    }
}

Status forEach(std::string_view block, qint64 billId, const BillRepository::RowVisitor &visitor)
{
    const auto damaged = [&] {
        return makeError(
            ErrorCode::Database,
            Tr::tr("The stored rows of bill %1 are damaged; import the bill again.").arg(billId));
    };
    if (block.empty() || block.front() != kFormat)
        return damaged();
    Reader in{reinterpret_cast<const unsigned char *>(block.data()) + 1,
              reinterpret_cast<const unsigned char *>(block.data()) + block.size()};
    while (in.p != in.end) {
        BillRowView v;
        v.billId = billId;
        v.line = qint64(in.getUnsigned());
        const unsigned char flags = in.getByte();
        v.isRefund = flags & Refund;
        v.flagged = flags & Flagged;
        v.tradeTime = in.getSigned();
        v.orderFen = in.getSigned();
        v.settlementFen = in.getSigned();
        (void)in.getSigned(); // coupon
        v.feeMilli = in.getSigned();
        v.transactionId = in.getText();
        v.outTradeNo = in.getText();
        v.tradeState = in.getText();
        (void)in.getText(); // trade type
        if (v.isRefund) {
            v.refundId = in.getText();
            v.outRefundNo = in.getText();
            v.refundFen = in.getSigned();
            v.refundAppliedFen = in.getSigned();
            (void)in.getSigned(); // recharge refund
            (void)in.getText();   // refund type
            v.refundStatus = in.getText();
        }
        if (!in.ok)
            return damaged();
        if (Status s = visitor(v); !s)
            return s;
    }
    return {};
}

} // namespace wxr::core::billblock
