// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reconjobs.h"

#include <QWidget>

class QButtonGroup;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableWidget;

namespace wxr::ui {

class AppContext;

/// Reports (报表): pick a bill date or a range, see how many discrepancies of each kind and
/// state it holds, export it as CSV, XLSX or PDF with progress, and open the folder.
class ReportsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportsView)

public:
    explicit ReportsView(AppContext &context, QWidget *parent = nullptr);
    ~ReportsView() override;

    void setRange(QDate from, QDate to);
    void setFormat(jobs::ReportFormat format);
    jobs::ReportFormat format() const;
    /// Recounts the preview (GUI thread; counts are indexed queries).
    void updatePreview();
    /// Total discrepancies of the previewed range.
    qint64 previewTotal() const { return m_total; }
    /// Exports to `path` as a job.
    void exportTo(const QString &path);
    QString lastExport() const { return m_lastExport; }

signals:
    void exported(const QString &path);

private:
    void chooseFile();

    AppContext &m_ctx;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QButtonGroup *m_formats = nullptr;
    QTableWidget *m_preview = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_openFolder = nullptr;
    qint64 m_total = 0;
    QString m_lastExport;
};

} // namespace wxr::ui
