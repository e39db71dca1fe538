// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small reconciled ledger shared by the report tests: two bill dates, four discrepancies on
// 2026-11-25 (one with a note that needs CSV quoting), none on 2026-11-24.

#include "ledger/billrepository.h"
#include "ledger/discrepancyrepository.h"
#include "ledger/ledger.h"
#include "ledger/ledgercsv.h"
#include "recon/reconengine.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>

namespace wxr::testing {

inline QByteArray allBill(const QList<QByteArrayList> &pays)
{
    QByteArray out
        = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,"
          "交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,"
          "充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,"
          "费率备注\n";
    Fen total = 0;
    for (const QByteArrayList &p : pays) {
        out += "`" + p[0] + ",`wx1,`1900000001,`0,`,`42" + p[1] + ",`" + p[1]
               + ",`oU,`JSAPI,`SUCCESS,`OTHERS,`CNY,`" + p[2]
               + ",`0.00,`0,`0,`0.00,`0.00,`,`,`Tea,`,`"
                 "0.00000,`0.60%,`"
               + p[2] + ",`0.00,`\n";
        total += *money::parseScaled(std::string_view(p[2].constData(), size_t(p[2].size())), 2);
    }
    const QByteArray sum = money::formatYuan(total).toLatin1();
    out += "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,"
           "申请退款总金额\n`"
           + QByteArray::number(pays.size()) + ",`" + sum + ",`0.00,`0.00,`0.00000,`" + sum
           + ",`0.00\n";
    return out;
}

class ReportFixture
{
public:
    QTemporaryDir dir;
    std::unique_ptr<core::Ledger> ledger;
    QString error;

    ReportFixture()
    {
        auto opened = core::Ledger::open(dir.filePath(QStringLiteral("l.db")));
        if (!opened) {
            error = opened.error().message;
            return;
        }
        ledger = std::move(*opened);
        const QString orders = dir.filePath(QStringLiteral("orders.csv"));
        QFile f(orders);
        f.open(QIODevice::WriteOnly);
        f.write("out_trade_no,transaction_id,amount_fen,status,created_at,paid_at\n"
                "T1,421,100,SUCCESS,2026-11-25T08:00:00+08:00,2026-11-25T09:00:00+08:00\n"
                "T2,422,200,SUCCESS,2026-11-25T08:00:00+08:00,2026-11-25T10:00:00+08:00\n"
                "T3,423,300,SUCCESS,2026-11-25T08:00:00+08:00,2026-11-25T11:00:00+08:00\n"
                "T5,,500,NOTPAY,2026-11-25T08:00:00+08:00,\n"
                "T7,427,700,SUCCESS,2026-11-24T08:00:00+08:00,2026-11-24T09:00:00+08:00\n");
        f.close();
        QPromise<void> promise;
        if (const auto r = core::importLedgerCsv(*ledger, orders, QString(), promise); !r) {
            error = r.error().message;
            return;
        }
        if (!bill(QDate(2026, 11, 24), {{"2026-11-24 09:00:00", "T7", "7.00"}})
            || !bill(QDate(2026, 11, 25), {{"2026-11-25 09:00:00", "T1", "1.00"},
                                           {"2026-11-25 10:00:00", "T2", "2.50"},
                                           {"2026-11-25 11:30:00", "T5", "5.00"},
                                           {"2026-11-25 12:00:00", "T4", "4.00"}}))
            return;
        for (const QDate d : {QDate(2026, 11, 24), QDate(2026, 11, 25)}) {
            const auto run = core::reconcile(*ledger, d, core::ReconOptions{}, promise);
            if (!run) {
                error = run.error().message;
                return;
            }
        }
        core::DiscrepancyRepository repo(*ledger);
        core::DiscrepancyFilter f2;
        f2.search = QStringLiteral("T2");
        const auto page = repo.page(f2, 0, 1);
        if (!page || page->isEmpty()) {
            error = QStringLiteral("no discrepancy for T2");
            return;
        }
        const auto set = repo.setState({page->first().id}, core::DiscrepancyState::Acknowledged,
                                       QStringLiteral("店员说: \"改价\", 见\n工单 7"),
                                       QStringLiteral("user alice"));
        if (!set)
            error = set.error().message;
    }

private:
    bool bill(QDate date, const QList<QByteArrayList> &pays)
    {
        QByteArray bytes = allBill(pays);
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        core::BillImportOptions options;
        options.billDate = date;
        QPromise<void> promise;
        const auto r = core::BillRepository(*ledger).import(buffer, options, promise);
        if (!r)
            error = r.error().message;
        return r.ok();
    }
};

} // namespace wxr::testing
