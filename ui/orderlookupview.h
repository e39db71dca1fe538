// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ledger/ledgerrecords.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace wxr::ui {

class AppContext;

/// Order lookup (订单查询): find an order by merchant order number, refund number or WeChat
/// Pay transaction id; show what the ledger holds (status, amounts, times, refunds, review
/// flag), its discrepancies, and its whole timeline; re-query it at WeChat Pay.
///
/// A transaction id the ledger does not know is asked of WeChat Pay (the order query by
/// transaction_id answers the merchant order number), because the ledger is keyed by the
/// merchant's number.
class OrderLookupView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderLookupView)

public:
    explicit OrderLookupView(AppContext &context, QWidget *parent = nullptr);
    ~OrderLookupView() override;

    /// Looks `id` up (may finish later when WeChat Pay is asked); emits found() or notFound().
    void lookUp(const QString &id);
    /// The merchant order number shown, empty when none.
    QString currentOrder() const { return m_order; }
    QTreeWidget *timeline() const { return m_timeline; }
    QString summaryText() const;

signals:
    void found(const QString &outTradeNo);
    void notFound(const QString &id);

private:
    void show(const QString &outTradeNo);
    void showNothing(const QString &sentence);
    void requery();

    AppContext &m_ctx;
    QLineEdit *m_search = nullptr;
    QPushButton *m_find = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_refunds = nullptr;
    QTreeWidget *m_discrepancies = nullptr;
    QTreeWidget *m_timeline = nullptr;
    QPushButton *m_requery = nullptr;
    QString m_order;
};

} // namespace wxr::ui
