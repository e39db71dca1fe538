// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ledger/discrepancy.h"
#include "ledger/discrepancyrepository.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace wxr::ui {

/// The detail pane of the daily view: the selected discrepancy's ledger and bill sides with
/// differing fields highlighted, the order's timeline, a note, and the actions (acknowledge,
/// resolve, ignore, reopen — for every selected row — and re-query the order).
class DiscrepancyDetail final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscrepancyDetail)

public:
    explicit DiscrepancyDetail(QWidget *parent = nullptr);
    ~DiscrepancyDetail() override;

    /// Shows `current` (nullopt: nothing selected) and how many rows the actions apply to.
    void showDiscrepancy(const std::optional<core::Discrepancy> &current,
                         const QList<core::TimelineEntry> &timeline, int selectedCount);
    /// The note typed; a null string when the field is empty (keeps existing notes).
    QString note() const;
    void clearNote();
    /// Enables the re-query button (it needs a configured merchant).
    void setRequeryAvailable(bool available, const QString &whyNot = {});

    /// Rows of the comparison table whose sides differ (tests).
    QStringList differingFields() const;
    QTreeWidget *timelineWidget() const { return m_timeline; }

signals:
    void stateRequested(wxr::core::DiscrepancyState state, const QString &note);
    void requeryRequested(const QString &outTradeNo);

private:
    QLabel *m_title = nullptr;
    QLabel *m_selection = nullptr;
    QTableWidget *m_sides = nullptr;
    QTreeWidget *m_timeline = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QPushButton *m_resolve = nullptr;
    QPushButton *m_ignore = nullptr;
    QPushButton *m_reopen = nullptr;
    QPushButton *m_requery = nullptr;
    QString m_outTradeNo;
    bool m_requeryAvailable = false;
};

} // namespace wxr::ui
