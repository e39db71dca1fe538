// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/csvreport.h"

#include "common/coretr.h"
#include "ledger/discrepancyrepository.h"

#include <QSaveFile>

namespace wxr::core {

namespace {

void appendField(QByteArray &out, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n')
        && !utf8.contains('\r')) {
        out += utf8;
        return;
    }
    out += '"';
    for (const char c : utf8) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void appendAmount(QByteArray &out, std::optional<Fen> fen)
{
    if (fen)
        out += QByteArray::number(*fen);
}

} // namespace

QByteArray CsvReport::header()
{
    return QByteArray("\xEF\xBB\xBF"
                      "bill_date,kind,out_trade_no,transaction_id,ledger_status,bill_status,"
                      "ledger_amount_fen,bill_amount_fen,out_refund_no,ledger_refund_fen,"
                      "bill_refund_fen,state,note\r\n");
}

void CsvReport::appendRow(QByteArray &out, const Discrepancy &d)
{
    out += d.billDate.toString(Qt::ISODate).toLatin1();
    out += ',';
    out += discrepancyKindName(d.kind).toLatin1();
    out += ',';
    appendField(out, d.outTradeNo);
    out += ',';
    appendField(out, d.transactionId);
    out += ',';
    appendField(out, d.ledgerStatus);
    out += ',';
    appendField(out, d.billStatus);
    out += ',';
    appendAmount(out, d.ledgerAmountFen);
    out += ',';
    appendAmount(out, d.billAmountFen);
    out += ',';
    appendField(out, d.outRefundNo);
    out += ',';
    appendAmount(out, d.ledgerRefundFen);
    out += ',';
    appendAmount(out, d.billRefundFen);
    out += ',';
    out += discrepancyStateName(d.state).toLatin1();
    out += ',';
    appendField(out, d.note);
    out += "\r\n";
}

Status CsvReport::write(Ledger &ledger, const ReportRange &range, QIODevice &device,
                        QPromise<void> &promise)
{
    DiscrepancyRepository repo(ledger);
    DiscrepancyFilter filter;
    filter.from = range.from;
    filter.to = range.to;
    const auto total = repo.count(filter);
    if (!total)
        return total.error();
    promise.setProgressRange(0, 100);
    QByteArray buf = header();
    qint64 done = 0;
    const auto flush = [&]() -> Status {
        if (device.write(buf) != buf.size())
            return makeError(
                ErrorCode::Io,
                Tr::tr("The report could not be written: %1").arg(device.errorString()));
        buf.clear();
        return {};
    };
    if (Status s = repo.forEach(filter,
                                [&](const Discrepancy &d) -> Status {
                                    appendRow(buf, d);
                                    if ((++done & 1023) == 0) {
                                        if (promise.isCanceled())
                                            return makeError(ErrorCode::Cancelled,
                                                             Tr::tr("The report was cancelled."));
                                        promise.setProgressValue(static_cast<int>(
                                            done * 100 / std::max<qint64>(1, *total)));
                                        if (buf.size() > (1 << 20))
                                            return flush();
                                    }
                                    return {};
                                });
        !s)
        return s;
    if (Status s = flush(); !s)
        return s;
    promise.setProgressValue(100);
    return {};
}

Status CsvReport::writeFile(Ledger &ledger, const ReportRange &range, const QString &path,
                            QPromise<void> &promise)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(
            ErrorCode::Io,
            Tr::tr("The report %1 could not be written: %2").arg(path, file.errorString()));
    if (Status s = write(ledger, range, file, promise); !s) {
        file.cancelWriting();
        return s;
    }
    if (!file.commit())
        return makeError(
            ErrorCode::Io,
            Tr::tr("The report %1 could not be written: %2").arg(path, file.errorString()));
    return {};
}

} // namespace wxr::core
