// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ledger/discrepancy.h"
#include "notify/callbackstore.h"

#include <QWidget>

#include <optional>

class QLabel;
class QToolButton;

namespace wxr::ui {

/// The totals of a reconciled day side by side: payments and refunds of the ledger and the
/// bill (count and amount), the bill's fees and settlement, the discrepancies found with how
/// many are still open, and the anomalies callbacks of the day raised (money for an unknown or
/// closed order, an amount that differs from the ledger's), with a button to list them. Empty
/// state when the day has no run.
class SummaryCards final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryCards)

public:
    explicit SummaryCards(QWidget *parent = nullptr);
    ~SummaryCards() override;

    /// `openCount`: discrepancies of the date still OPEN or ACKNOWLEDGED; `noBill`: WeChat
    /// Pay had no bill for the date (no trade that day), said on the bill's card.
    void setRun(const std::optional<core::ReconRun> &run, qint64 openCount, bool noBill = false);
    /// The callback anomalies of the day (whether reconciled or not).
    void setAnomalies(const QList<core::CallbackAnomaly> &anomalies);

    /// The text of a card's value (tests, accessibility): "payments", "refunds", "fees",
    /// "discrepancies", "anomalies".
    QString cardText(const QString &card) const;
    QToolButton *anomaliesButton() const { return m_showAnomalies; }

signals:
    /// The person asked to see the day's callback anomalies.
    void anomaliesRequested();

private:
    QLabel *addCard(const QString &key, const QString &title, QWidget *extra = nullptr);

    QList<QLabel *> m_values;
    QLabel *m_anomalies = nullptr;
    QToolButton *m_showAnomalies = nullptr;
};

} // namespace wxr::ui
