// SPDX-License-Identifier: GPL-3.0-or-later
#include "callbackanomaliesdialog.h"

#include "common/cstime.h"
#include "common/money.h"
#include "copyabletableview.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace wxr::ui {

namespace {

QStandardItem *amountItem(const std::optional<qint64> &fen)
{
    auto *item = new QStandardItem(fen ? money::formatYuan(*fen) : QString());
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

CallbackAnomaliesDialog::CallbackAnomaliesDialog(QDate billDate,
                                                 const QList<core::CallbackAnomaly> &anomalies,
                                                 QWidget *parent)
    : QDialog(parent)
    , m_anomalies(anomalies)
{
    setWindowTitle(tr("Callback anomalies of %1").arg(billDate.toString(Qt::ISODate)));
    auto *intro = new QLabel(
        tr("Callbacks that the ledger did not expect. Each was applied (WeChat Pay has the "
           "money) and its order is flagged for review: check the order in your own system."),
        this);
    intro->setWordWrap(true);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("Recorded (CST)"), tr("Kind"), tr("Merchant order no."),
                                        tr("Merchant refund no."), tr("Ledger amount (yuan)"),
                                        tr("Callback amount (yuan)")});
    for (const core::CallbackAnomaly &a : std::as_const(m_anomalies)) {
        QList<QStandardItem *> row{new QStandardItem(cst::formatBillTime(a.createdAt)),
                                   new QStandardItem(core::anomalyKindLabel(a.kind)),
                                   new QStandardItem(a.outTradeNo),
                                   new QStandardItem(a.outRefundNo),
                                   amountItem(a.ledgerAmountFen),
                                   amountItem(a.callbackAmountFen)};
        for (QStandardItem *item : row)
            item->setEditable(false);
        m_model->appendRow(row);
    }
    m_table = new CopyableTableView(this);
    m_table->setObjectName(QStringLiteral("anomalyTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->resizeColumnsToContents();
    connect(m_table, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) { openRow(index.row()); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *open = buttons->addButton(tr("Open order"), QDialogButtonBox::ActionRole);
    open->setObjectName(QStringLiteral("openOrder"));
    open->setEnabled(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, open,
            [this, open] { open->setEnabled(m_table->selectionModel()->hasSelection()); });
    connect(open, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            openRow(rows.first().row());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(820, 420);
}

CallbackAnomaliesDialog::~CallbackAnomaliesDialog() = default;

void CallbackAnomaliesDialog::openRow(int row)
{
    if (row < 0 || row >= m_anomalies.size() || m_anomalies[row].outTradeNo.isEmpty())
        return;
    emit orderRequested(m_anomalies[row].outTradeNo);
    accept();
}

} // namespace wxr::ui
