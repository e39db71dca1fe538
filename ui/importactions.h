// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDate>
#include <QFuture>
#include <QObject>

class QWidget;

namespace wxr::ui {

class AppContext;

/// The File menu's imports, each a job of the context's JobRunner (off the GUI thread, with
/// progress and cancel; all or nothing, as core guarantees):
/// - the merchant's ledger: `orders.csv` and, when it lies beside it, `refunds.csv`;
/// - a WeChat Pay bill file (trade or fund-flow, plain or gzip) for a date, which is then
///   reconciled;
/// - a callback log of the merchant's own handler (JSON Lines, docs/callbacks.md).
/// The outcome is one sentence in the notice bar; views reload through
/// AppContext::notifyLedgerChanged(). The `ask…` functions show the file dialogs first; the
/// others are what they call (and what tests drive). GUI thread only.
class ImportActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportActions)

public:
    explicit ImportActions(AppContext &context, QObject *parent = nullptr);
    ~ImportActions() override;

    void askLedger(QWidget *parent);
    void askBill(QWidget *parent, QDate suggestedDate);
    void askCallbackLog(QWidget *parent);

    QFuture<void> importLedger(const QString &ordersPath, const QString &refundsPath);
    QFuture<void> importBill(QDate billDate, const QString &path);
    QFuture<void> importCallbackLog(const QString &path);

    /// The bill date in a WeChat Pay bill file name (…_YYYY-MM-DD.csv[.gz], or YYYYMMDD), if
    /// any.
    static std::optional<QDate> dateInFileName(const QString &path);
    /// `refunds.csv` beside an `orders.csv` (same folder; "orders" in the name replaced by
    /// "refunds"), or empty when there is none.
    static QString refundsBeside(const QString &ordersPath);

signals:
    /// A bill was imported and its date reconciled.
    void billReconciled(const QDate &billDate);
    /// An import finished (for tests and views); `ok` false when it failed or was cancelled.
    void finished(bool ok);

private:
    /// Emits finished() when `job` ends; returns it.
    QFuture<void> track(const QFuture<void> &job);

    AppContext &m_ctx;
};

} // namespace wxr::ui
