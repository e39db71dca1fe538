// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ledger/discrepancy.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace wxr::ui {

/// The totals of a reconciled day side by side: payments and refunds of the ledger and the
/// bill (count and amount), the bill's fees and settlement, and the discrepancies found with
/// how many are still open. Empty state when the day has no run.
class SummaryCards final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryCards)

public:
    explicit SummaryCards(QWidget *parent = nullptr);
    ~SummaryCards() override;

    /// `openCount`: discrepancies of the date still OPEN or ACKNOWLEDGED.
    void setRun(const std::optional<core::ReconRun> &run, qint64 openCount);

    /// The text of a card's value (tests, accessibility): "payments", "refunds", "fees",
    /// "discrepancies".
    QString cardText(const QString &card) const;

private:
    QLabel *addCard(const QString &key, const QString &title);

    QList<QLabel *> m_values;
};

} // namespace wxr::ui
