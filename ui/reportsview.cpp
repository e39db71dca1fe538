// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportsview.h"

#include "appcontext.h"
#include "common/cstime.h"
#include "common/settings.h"
#include "jobrunner.h"
#include "ledger/discrepancyrepository.h"
#include "ledger/ledger.h"
#include "models/discrepancymodel.h"
#include "noticebar.h"
#include "reloadwhenshown.h"

#include <QButtonGroup>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace wxr::ui {

using core::DiscrepancyKind;
using core::DiscrepancyState;

namespace {

const QList<DiscrepancyState> kStates{DiscrepancyState::Open, DiscrepancyState::Acknowledged,
                                      DiscrepancyState::Resolved, DiscrepancyState::Ignored};

} // namespace

ReportsView::ReportsView(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context)
{
    setObjectName(QStringLiteral("reportsView"));
    auto *title = new QLabel(tr("Discrepancy reports"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    title->setFont(big);

    const QDate yesterday = cst::billDateOf(cst::now()).addDays(-1);
    // The day the daily view opens on: the latest reconciled one.
    const QDate day = m_ctx.latestReconciledDate();
    m_from = new QDateEdit(day, this);
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_to = new QDateEdit(day, this);
    m_to->setObjectName(QStringLiteral("reportTo"));
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        e->setMaximumDate(yesterday);
    }
    auto *range = new QHBoxLayout;
    range->addWidget(m_from);
    range->addWidget(new QLabel(QStringLiteral("–"), this));
    range->addWidget(m_to);
    range->addStretch(1);

    m_formats = new QButtonGroup(this);
    auto *formats = new QHBoxLayout;
    for (jobs::ReportFormat f : m_ctx.reportFormats()) {
        QString label;
        switch (f) {
        case jobs::ReportFormat::Csv:
            label = tr("CSV (Excel-friendly, every row)");
            break;
        case jobs::ReportFormat::Xlsx:
            label = tr("Excel workbook (summary and rows)");
            break;
        case jobs::ReportFormat::Pdf:
            label = tr("PDF summary for the accountant");
            break;
        }
        auto *button = new QRadioButton(label, this);
        button->setObjectName(QStringLiteral("format_") + jobs::reportSuffix(f));
        m_formats->addButton(button, int(f));
        formats->addWidget(button);
    }
    formats->addStretch(1);
    m_formats->buttons().first()->setChecked(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Bill dates:"), range);
    form->addRow(tr("Format:"), formats);

    m_preview = new QTableWidget(this);
    m_preview->setObjectName(QStringLiteral("reportPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setRowCount(core::kDiscrepancyKindCount + 1);
    m_preview->setColumnCount(int(kStates.size()) + 1);
    QStringList columns;
    for (DiscrepancyState s : kStates)
        columns.append(core::discrepancyStateLabel(s));
    columns.append(tr("Total"));
    m_preview->setHorizontalHeaderLabels(columns);
    QStringList rows;
    for (DiscrepancyKind k : core::allDiscrepancyKinds())
        rows.append(core::discrepancyKindLabel(k));
    rows.append(tr("Total"));
    m_preview->setVerticalHeaderLabels(rows);
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_preview->setAccessibleName(tr("Discrepancies in the range by kind and state"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("reportSummary"));

    m_export = new QPushButton(tr("Export…"), this);
    m_export->setObjectName(QStringLiteral("reportExport"));
    m_export->setDefault(true);
    m_openFolder = new QPushButton(tr("Open folder"), this);
    m_openFolder->setObjectName(QStringLiteral("reportOpenFolder"));
    m_openFolder->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_openFolder);
    buttons->addWidget(m_export);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addLayout(buttons);

    connect(m_from, &QDateEdit::dateChanged, this, [this](QDate d) {
        if (m_to->date() < d)
            m_to->setDate(d);
        updatePreview();
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this](QDate d) {
        if (m_from->date() > d)
            m_from->setDate(d);
        updatePreview();
    });
    connect(m_export, &QPushButton::clicked, this, &ReportsView::chooseFile);
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_lastExport).absolutePath()));
    });
    connect(&m_ctx, &AppContext::ledgerChanged,
            new ReloadWhenShown(this, [this] { updatePreview(); }), &ReloadWhenShown::changed);
    updatePreview();
}

ReportsView::~ReportsView() = default;

void ReportsView::setRange(QDate from, QDate to)
{
    m_from->setDate(from);
    m_to->setDate(to);
    updatePreview();
}

void ReportsView::setFormat(jobs::ReportFormat format)
{
    if (QAbstractButton *b = m_formats->button(int(format)))
        b->setChecked(true);
}

jobs::ReportFormat ReportsView::format() const
{
    return jobs::ReportFormat(m_formats->checkedId());
}

void ReportsView::updatePreview()
{
    m_total = 0;
    auto ledger = m_ctx.ledger();
    if (!ledger.ok()) {
        m_summary->setText(ledger.error().message);
        return;
    }
    const core::DiscrepancyRepository repo(**ledger);
    QList<qint64> stateTotals(kStates.size(), 0);
    const QList<DiscrepancyKind> kinds = core::allDiscrepancyKinds();
    for (int r = 0; r < kinds.size(); ++r) {
        qint64 rowTotal = 0;
        for (int c = 0; c < kStates.size(); ++c) {
            core::DiscrepancyFilter f;
            f.from = m_from->date();
            f.to = m_to->date();
            f.kinds = {kinds[r]};
            f.states = {kStates[c]};
            const qint64 n = repo.count(f).valueOr(0);
            rowTotal += n;
            stateTotals[c] += n;
            auto *item = new QTableWidgetItem(QString::number(n));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_preview->setItem(r, c, item);
        }
        auto *item = new QTableWidgetItem(QString::number(rowTotal));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_preview->setItem(r, int(kStates.size()), item);
        m_total += rowTotal;
    }
    for (int c = 0; c <= kStates.size(); ++c) {
        const qint64 n = c < kStates.size() ? stateTotals[c] : m_total;
        auto *item = new QTableWidgetItem(QString::number(n));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
        m_preview->setItem(core::kDiscrepancyKindCount, c, item);
    }
    m_summary->setText(
        tr("%Ln discrepancies from %1 to %2.", nullptr, int(m_total))
            .arg(m_from->date().toString(Qt::ISODate), m_to->date().toString(Qt::ISODate)));
    m_export->setEnabled(true);
}

void ReportsView::chooseFile()
{
    const QString suffix = jobs::reportSuffix(format());
    const QString name = m_from->date() == m_to->date()
                             ? QStringLiteral("discrepancies_%1.%2")
                                   .arg(m_from->date().toString(Qt::ISODate), suffix)
                             : QStringLiteral("discrepancies_%1_%2.%3")
                                   .arg(m_from->date().toString(Qt::ISODate),
                                        m_to->date().toString(Qt::ISODate), suffix);
    const QString dir = m_ctx.settings().exportDir();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the discrepancy report"), QDir(dir).filePath(name),
        tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (!path.isEmpty())
        exportTo(path);
}

void ReportsView::exportTo(const QString &path)
{
    const core::ReportRange range{m_from->date(), m_to->date()};
    const QString ledgerPath = m_ctx.ledgerPath();
    m_export->setEnabled(false);
    const QFuture<void> job = m_ctx.jobs()->runTask<QString>(
        tr("Exporting the report of %1").arg(range.label()),
        [ledgerPath, range, writer = m_ctx.reportWriter(format()), path](QPromise<void> &promise) {
            return jobs::exportReport(ledgerPath, range, writer, path, promise);
        },
        this,
        [this](const QString &written) {
            m_lastExport = written;
            m_ctx.settings().setExportDir(QFileInfo(written).absolutePath());
            m_openFolder->setEnabled(true);
            m_ctx.noticeFileSaved(tr("Report saved to %1.").arg(written), written);
            emit exported(written);
        });
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        m_export->setEnabled(true);
        watcher->deleteLater();
    });
    watcher->setFuture(job);
}

} // namespace wxr::ui
