// SPDX-License-Identifier: GPL-3.0-or-later
#include "discrepancydetail.h"

#include "common/money.h"
#include "models/discrepancymodel.h"
#include "models/discrepancystyleproxy.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wxr::ui {

namespace {

QString yuan(const std::optional<Fen> &v)
{
    return v ? money::formatYuan(*v) : QString();
}

} // namespace

DiscrepancyDetail::DiscrepancyDetail(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("discrepancyDetail"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("detailTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_selection = new QLabel(this);
    m_selection->setObjectName(QStringLiteral("detailSelection"));

    m_sides = new QTableWidget(0, 2, this);
    m_sides->setObjectName(QStringLiteral("detailSides"));
    m_sides->setHorizontalHeaderLabels({tr("Ledger"), tr("Bill")});
    m_sides->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_sides->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sides->setSelectionMode(QAbstractItemView::ContiguousSelection);
    // Numbers that do not fit keep both ends: transaction ids differ in their last digits.
    m_sides->setTextElideMode(Qt::ElideMiddle);
    m_sides->setAccessibleName(tr("Ledger and bill side by side"));
    const QStringList fields{tr("Transaction"), tr("Status"), tr("Amount"), tr("Refund no."),
                             tr("Refund amount")};
    m_sides->setRowCount(int(fields.size()));
    m_sides->setVerticalHeaderLabels(fields);
    m_sides->setMaximumHeight(m_sides->verticalHeader()->defaultSectionSize() * 6 + 8);

    m_timeline = new QTreeWidget(this);
    m_timeline->setObjectName(QStringLiteral("detailTimeline"));
    m_timeline->setHeaderLabels({tr("When (CST)"), tr("What")});
    m_timeline->setRootIsDecorated(false);
    m_timeline->setAccessibleName(tr("Order timeline"));
    m_timeline->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("detailNote"));
    m_note->setPlaceholderText(tr("Note for the selected discrepancies (why, who was asked, …)"));
    m_note->setMaximumHeight(m_note->fontMetrics().lineSpacing() * 4 + 12);
    m_note->setTabChangesFocus(true);

    m_acknowledge = new QPushButton(tr("Acknowledge"), this);
    m_acknowledge->setObjectName(QStringLiteral("acknowledge"));
    m_acknowledge->setToolTip(tr("Seen and being looked into"));
    m_resolve = new QPushButton(tr("Resolve"), this);
    m_resolve->setObjectName(QStringLiteral("resolve"));
    m_resolve->setToolTip(tr("The difference is explained or fixed"));
    m_ignore = new QPushButton(tr("Ignore"), this);
    m_ignore->setObjectName(QStringLiteral("ignore"));
    m_ignore->setToolTip(tr("Not worth pursuing; kept out of the open list"));
    m_reopen = new QPushButton(tr("Reopen"), this);
    m_reopen->setObjectName(QStringLiteral("reopen"));
    m_requery = new QPushButton(tr("Re-query order"), this);
    m_requery->setObjectName(QStringLiteral("requery"));
    m_requery->setToolTip(tr("Ask WeChat Pay for the order's current state and apply it"));

    auto *buttons = new QGridLayout;
    buttons->addWidget(m_acknowledge, 0, 0);
    buttons->addWidget(m_resolve, 0, 1);
    buttons->addWidget(m_ignore, 1, 0);
    buttons->addWidget(m_reopen, 1, 1);
    buttons->addWidget(m_requery, 2, 0, 1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_selection);
    layout->addWidget(m_sides);
    layout->addWidget(new QLabel(tr("Timeline"), this));
    layout->addWidget(m_timeline, 1);
    layout->addWidget(m_note);
    layout->addLayout(buttons);

    const auto request = [this](core::DiscrepancyState state) {
        return [this, state] {
            emit stateRequested(state, note());
        };
    };
    connect(m_acknowledge, &QPushButton::clicked, this,
            request(core::DiscrepancyState::Acknowledged));
    connect(m_resolve, &QPushButton::clicked, this, request(core::DiscrepancyState::Resolved));
    connect(m_ignore, &QPushButton::clicked, this, request(core::DiscrepancyState::Ignored));
    connect(m_reopen, &QPushButton::clicked, this, request(core::DiscrepancyState::Open));
    connect(m_requery, &QPushButton::clicked, this, [this] {
        if (!m_outTradeNo.isEmpty())
            emit requeryRequested(m_outTradeNo);
    });
    showDiscrepancy(std::nullopt, {}, 0);
}

DiscrepancyDetail::~DiscrepancyDetail() = default;

void DiscrepancyDetail::showDiscrepancy(const std::optional<core::Discrepancy> &d,
                                        const QList<core::TimelineEntry> &timeline,
                                        int selectedCount)
{
    m_outTradeNo = d ? d->outTradeNo : QString();
    for (QPushButton *b : {m_acknowledge, m_resolve, m_ignore, m_reopen})
        b->setEnabled(selectedCount > 0);
    m_requery->setEnabled(d.has_value() && m_requeryAvailable && !m_outTradeNo.isEmpty());
    m_selection->setText(selectedCount > 1
                             ? tr("%Ln discrepancies selected; the actions apply to all of them.",
                                  nullptr, selectedCount)
                             : QString());
    m_selection->setVisible(selectedCount > 1);
    m_timeline->clear();
    if (!d) {
        m_title->setText(tr("Select a discrepancy to see both sides and the order's history."));
        for (int r = 0; r < m_sides->rowCount(); ++r) {
            for (int c = 0; c < 2; ++c)
                m_sides->setItem(r, c, new QTableWidgetItem);
        }
        return;
    }
    m_title->setText(tr("%1 — %2 (%3)")
                         .arg(core::discrepancyKindLabel(d->kind), d->outTradeNo,
                              core::discrepancyStateLabel(d->state)));
    const QList<std::pair<QString, QString>> sides{
        {d->transactionId, d->transactionId},
        {d->ledgerStatus, d->billStatus},
        {yuan(d->ledgerAmountFen), yuan(d->billAmountFen)},
        {d->outRefundNo, d->outRefundNo},
        {yuan(d->ledgerRefundFen), yuan(d->billRefundFen)}};
    for (int r = 0; r < int(sides.size()); ++r) {
        const auto &[ledger, bill] = sides[r];
        // Only rows where the two sides actually disagree are highlighted: a side with no
        // value at all (the order is missing there) counts as disagreeing.
        const bool differs = r != 0 && r != 3 && ledger != bill;
        for (int c = 0; c < 2; ++c) {
            auto *item = new QTableWidgetItem(c == 0 ? ledger : bill);
            item->setToolTip(item->text()); // a 28-digit transaction id does not fit
            item->setData(Qt::UserRole, differs);
            if (differs) {
                item->setBackground(DiscrepancyStyleProxy::differsColor());
                item->setForeground(QColor(0x21, 0x21, 0x21));
            }
            m_sides->setItem(r, c, item);
        }
    }
    for (const core::TimelineEntry &e : timeline) {
        auto *item = new QTreeWidgetItem(m_timeline, {cst::formatBillTime(e.at), e.title});
        item->setToolTip(1, e.detail.isEmpty() ? e.title : e.detail);
    }
}

QString DiscrepancyDetail::note() const
{
    const QString text = m_note->toPlainText().trimmed();
    return text.isEmpty() ? QString() : text;
}

void DiscrepancyDetail::clearNote()
{
    m_note->clear();
}

void DiscrepancyDetail::setRequeryAvailable(bool available, const QString &whyNot)
{
    m_requeryAvailable = available;
    m_requery->setEnabled(available && !m_outTradeNo.isEmpty());
    m_requery->setToolTip(
        available ? tr("Ask WeChat Pay for the order's current state and apply it") : whyNot);
}

QStringList DiscrepancyDetail::differingFields() const
{
    QStringList out;
    for (int r = 0; r < m_sides->rowCount(); ++r) {
        if (m_sides->item(r, 0) && m_sides->item(r, 0)->data(Qt::UserRole).toBool())
            out.append(m_sides->verticalHeaderItem(r)->text());
    }
    return out;
}

} // namespace wxr::ui
