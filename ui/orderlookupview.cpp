// SPDX-License-Identifier: GPL-3.0-or-later
#include "orderlookupview.h"

#include "appcontext.h"
#include "common/cstime.h"
#include "common/money.h"
#include "common/settings.h"
#include "jobrunner.h"
#include "layoutstate.h"
#include "ledger/discrepancyrepository.h"
#include "ledger/ledger.h"
#include "ledger/orderrepository.h"
#include "ledger/refundrepository.h"
#include "merchantservices.h"
#include "models/discrepancymodel.h"
#include "noticebar.h"
#include "reloadwhenshown.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wxr::ui {

namespace {

QTreeWidget *tree(const QStringList &headers, const QString &objectName, QWidget *parent)
{
    auto *t = new QTreeWidget(parent);
    t->setObjectName(objectName);
    t->setHeaderLabels(headers);
    t->setRootIsDecorated(false);
    t->setAlternatingRowColors(true);
    t->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->header()->setStretchLastSection(true);
    return t;
}

QWidget *box(const QString &title, QWidget *content, QWidget *parent)
{
    auto *b = new QGroupBox(title, parent);
    auto *l = new QVBoxLayout(b);
    l->setContentsMargins(4, 4, 4, 4);
    l->addWidget(content);
    return b;
}

QString timeText(const std::optional<cst::Instant> &t)
{
    return t ? cst::formatBillTime(*t) : QString();
}

} // namespace

OrderLookupView::OrderLookupView(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context)
{
    setObjectName(QStringLiteral("orderLookupView"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("lookupInput"));
    m_search->setPlaceholderText(tr("Merchant order no., refund no. or WeChat Pay transaction id"));
    m_search->setClearButtonEnabled(true);
    m_find = new QPushButton(tr("Find"), this);
    m_find->setObjectName(QStringLiteral("lookupFind"));
    m_find->setDefault(true);
    m_requery = new QPushButton(tr("Re-query at WeChat Pay"), this);
    m_requery->setObjectName(QStringLiteral("lookupRequery"));
    m_requery->setEnabled(false);
    auto *top = new QHBoxLayout;
    auto *label = new QLabel(tr("&Order:"), this);
    label->setBuddy(m_search);
    top->addWidget(label);
    top->addWidget(m_search, 1);
    top->addWidget(m_find);
    top->addWidget(m_requery);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("lookupSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summary->setWordWrap(true);
    m_refunds = tree({tr("Refund no."), tr("Amount"), tr("Status"), tr("Requested (CST)"),
                      tr("Succeeded (CST)")},
                     QStringLiteral("lookupRefunds"), this);
    m_discrepancies = tree({tr("Bill date"), tr("Kind"), tr("State"), tr("Note")},
                           QStringLiteral("lookupDiscrepancies"), this);
    m_timeline = tree({tr("When (CST)"), tr("What"), tr("Detail")},
                      QStringLiteral("lookupTimeline"), this);

    auto *upper = new QSplitter(Qt::Horizontal, this);
    upper->addWidget(box(tr("Refunds"), m_refunds, this));
    upper->addWidget(box(tr("Discrepancies"), m_discrepancies, this));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(upper);
    splitter->addWidget(box(tr("Timeline"), m_timeline, this));
    splitter->setStretchFactor(1, 2);
    keepSplitterState(upper, m_ctx.settings(), QStringLiteral("lookup/upper"));
    keepSplitterState(splitter, m_ctx.settings(), QStringLiteral("lookup"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::returnPressed, this, [this] { lookUp(m_search->text()); });
    connect(m_find, &QPushButton::clicked, this, [this] { lookUp(m_search->text()); });
    connect(m_requery, &QPushButton::clicked, this, &OrderLookupView::requery);
    connect(&m_ctx, &AppContext::ledgerChanged,
            new ReloadWhenShown(this,
                                [this] {
                                    if (!m_order.isEmpty())
                                        show(m_order);
                                }),
            &ReloadWhenShown::changed);
    showNothing(tr("Type an order, refund or transaction number and press Enter."));
}

OrderLookupView::~OrderLookupView() = default;

QString OrderLookupView::summaryText() const
{
    return m_summary->text();
}

void OrderLookupView::showNothing(const QString &sentence)
{
    m_order.clear();
    m_summary->setText(sentence);
    m_refunds->clear();
    m_discrepancies->clear();
    m_timeline->clear();
    m_requery->setEnabled(false);
}

void OrderLookupView::lookUp(const QString &input)
{
    const QString id = input.trimmed();
    if (m_search->text() != id)
        m_search->setText(id);
    if (id.isEmpty())
        return;
    auto ledger = m_ctx.ledger();
    if (!ledger.ok()) {
        showNothing(ledger.error().message);
        return;
    }
    auto order = core::OrderRepository(**ledger).find(id);
    if (order.ok() && order->has_value()) {
        show(id);
        return;
    }
    auto refund = core::RefundRepository(**ledger).find(id);
    if (refund.ok() && refund->has_value() && !(*refund)->outTradeNo.isEmpty()) {
        show((*refund)->outTradeNo);
        return;
    }
    // A transaction id (digits only, as WeChat Pay writes them): ask WeChat Pay which
    // merchant order it belongs to.
    static const QRegularExpression digits(QStringLiteral("^[0-9]{16,32}$"));
    if (!digits.match(id).hasMatch() || !m_ctx.settings().activeProfile()) {
        showNothing(tr("The ledger has no order or refund “%1”.").arg(id));
        emit notFound(id);
        return;
    }
    m_summary->setText(tr("Asking WeChat Pay about transaction %1…").arg(id));
    m_ctx.merchant()->lookUpTransaction(
        id, this, [this, id](Result<MerchantServices::RemoteOrder> remote) {
            if (!remote.ok()) {
                showNothing(remote.error().code == ErrorCode::NotFound
                                ? tr("Neither the ledger nor WeChat Pay knows “%1”.").arg(id)
                                : remote.error().message);
                emit notFound(id);
                return;
            }
            auto current = m_ctx.ledger();
            if (current.ok()) {
                auto known = core::OrderRepository(**current).find(remote->outTradeNo);
                if (known.ok() && known->has_value()) {
                    show(remote->outTradeNo);
                    return;
                }
            }
            showNothing(tr("WeChat Pay knows transaction %1 as order %2 (%3), which the ledger "
                           "does not have.")
                            .arg(id, remote->outTradeNo, remote->tradeState));
            // Re-querying it brings it into the ledger (created from the answer, flagged).
            m_order = remote->outTradeNo;
            m_requery->setEnabled(true);
            emit notFound(id);
        });
}

void OrderLookupView::show(const QString &outTradeNo)
{
    auto ledger = m_ctx.ledger();
    if (!ledger.ok()) {
        showNothing(ledger.error().message);
        return;
    }
    auto order = core::OrderRepository(**ledger).find(outTradeNo);
    if (!order.ok() || !order->has_value()) {
        showNothing(tr("The ledger has no order “%1”.").arg(outTradeNo));
        return;
    }
    const core::Order &o = **order;
    m_order = o.outTradeNo;
    QString summary = tr("Order %1: %2, ¥%3; created %4")
                          .arg(o.outTradeNo, o.status, money::formatYuan(o.amountFen),
                               o.createdAt ? cst::formatBillTime(*o.createdAt) : tr("unknown"));
    if (o.paidAt)
        summary += tr(", paid %1").arg(cst::formatBillTime(*o.paidAt));
    if (!o.transactionId.isEmpty())
        summary += tr("; transaction %1").arg(o.transactionId);
    m_summary->setText(o.needsReview
                           ? tr("%1. Flagged for review: %2").arg(summary, o.reviewReason)
                           : tr("%1.", "the end of the order's summary sentence").arg(summary));

    m_refunds->clear();
    auto refunds = core::RefundRepository(**ledger).forOrder(o.outTradeNo);
    if (refunds.ok()) {
        for (const core::Refund &r : *refunds)
            new QTreeWidgetItem(m_refunds, {r.outRefundNo, money::formatYuan(r.amountFen), r.status,
                                            timeText(r.createdAt), timeText(r.successAt)});
    }
    m_discrepancies->clear();
    const core::DiscrepancyRepository discrepancies(**ledger);
    core::DiscrepancyFilter f;
    f.search = o.outTradeNo;
    auto rows = discrepancies.page(f, 0, 200);
    if (rows.ok()) {
        for (const core::Discrepancy &d : *rows) {
            if (d.outTradeNo != o.outTradeNo)
                continue;
            new QTreeWidgetItem(m_discrepancies, {d.billDate.toString(Qt::ISODate),
                                                  core::discrepancyKindLabel(d.kind),
                                                  core::discrepancyStateLabel(d.state), d.note});
        }
    }
    m_timeline->clear();
    auto timeline = discrepancies.timeline(o.outTradeNo);
    if (timeline.ok()) {
        for (const core::TimelineEntry &e : *timeline)
            new QTreeWidgetItem(m_timeline, {cst::formatBillTime(e.at), e.title, e.detail});
    }
    m_requery->setEnabled(m_ctx.settings().activeProfile().has_value());
    emit found(o.outTradeNo);
}

void OrderLookupView::requery()
{
    const QString outTradeNo = m_order;
    if (outTradeNo.isEmpty())
        return;
    m_ctx.merchant()->requeryOrder(outTradeNo, this, [this, outTradeNo] { show(outTradeNo); });
}

} // namespace wxr::ui
