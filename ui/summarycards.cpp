// SPDX-License-Identifier: GPL-3.0-or-later
#include "summarycards.h"

#include "common/money.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

#include <map>

namespace wxr::ui {

namespace {

QString countAndYuan(qint64 count, Fen fen)
{
    return SummaryCards::tr("%Ln item(s), ¥%1", nullptr, int(count))
        .arg(money::formatYuanGrouped(fen));
}

// "+5,404" / "−5,404" / "0": a difference with its sign (a true minus sign, as in print).
QString signedCount(qint64 n)
{
    const QString digits = QLocale().toString(n < 0 ? -n : n);
    return n > 0 ? u'+' + digits : n < 0 ? QChar(0x2212) + digits : digits;
}

QString signedYuan(Fen fen)
{
    const QString yuan = u'¥' + money::formatYuanGrouped(fen < 0 ? -fen : fen);
    return fen > 0 ? u'+' + yuan : fen < 0 ? QChar(0x2212) + yuan : yuan;
}

// A card's tooltip: the difference itself (bill minus ledger, `format` taking the count and the
// amount), which the card's two lines leave to mental arithmetic.
QString differenceTip(const QString &format, qint64 ledgerCount, Fen ledgerFen, qint64 billCount,
                      Fen billFen)
{
    if (ledgerCount == billCount && ledgerFen == billFen)
        return SummaryCards::tr("The ledger and the bill agree.");
    return format.arg(signedCount(billCount - ledgerCount), signedYuan(billFen - ledgerFen));
}

} // namespace

SummaryCards::SummaryCards(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("summaryCards"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    addCard(QStringLiteral("payments"), tr("Payments (ledger | bill)"));
    addCard(QStringLiteral("refunds"), tr("Refunds (ledger | bill)"));
    addCard(QStringLiteral("fees"), tr("Bill fees and settlement"));
    addCard(QStringLiteral("discrepancies"), tr("Discrepancies"));
    m_showAnomalies = new QToolButton(this);
    m_showAnomalies->setObjectName(QStringLiteral("showAnomalies"));
    m_showAnomalies->setText(tr("Show…"));
    m_showAnomalies->setToolTip(tr("List the day's callback anomalies"));
    m_showAnomalies->setAutoRaise(true);
    connect(m_showAnomalies, &QToolButton::clicked, this, &SummaryCards::anomaliesRequested);
    m_anomalies = addCard(QStringLiteral("anomalies"), tr("Callback anomalies"), m_showAnomalies);
    setRun(std::nullopt, 0);
    setAnomalies({});
}

SummaryCards::~SummaryCards() = default;

QLabel *SummaryCards::addCard(const QString &key, const QString &title, QWidget *extra)
{
    auto *card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    card->setObjectName(QStringLiteral("card_") + key);
    auto *titleLabel = new QLabel(title, card);
    QFont small = titleLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    titleLabel->setFont(small);
    titleLabel->setForegroundRole(QPalette::PlaceholderText);
    auto *value = new QLabel(card);
    value->setObjectName(QStringLiteral("value_") + key);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont big = value->font();
    big.setBold(true);
    value->setFont(big);
    auto *box = new QVBoxLayout(card);
    if (extra) {
        extra->setParent(card);
        auto *head = new QHBoxLayout;
        head->addWidget(titleLabel, 1);
        head->addWidget(extra);
        box->addLayout(head);
    } else {
        box->addWidget(titleLabel);
    }
    box->addWidget(value);
    static_cast<QHBoxLayout *>(layout())->addWidget(card, 1);
    m_values.append(value);
    return value;
}

QString SummaryCards::cardText(const QString &card) const
{
    for (QLabel *l : m_values) {
        if (l->objectName() == QStringLiteral("value_") + card)
            return l->text();
    }
    return {};
}

void SummaryCards::setRun(const std::optional<core::ReconRun> &run, qint64 openCount, bool noBill)
{
    if (!run) {
        for (QLabel *l : std::as_const(m_values)) {
            if (l != m_anomalies) {
                l->setText(tr("—"));
                l->setToolTip(QString());
            }
        }
        m_values[3]->setText(tr("Not reconciled yet"));
        return;
    }
    const core::ReconSummary &s = run->summary;
    m_values[0]->setText(countAndYuan(s.ledgerPaymentCount, s.ledgerPaymentFen)
                         + QStringLiteral("\n")
                         + countAndYuan(s.billPaymentCount, s.billPaymentFen));
    m_values[1]->setText(countAndYuan(s.ledgerRefundCount, s.ledgerRefundFen) + QStringLiteral("\n")
                         + countAndYuan(s.billRefundCount, s.billRefundFen));
    m_values[0]->setToolTip(differenceTip(tr("Bill minus ledger: %1 payments, %2"),
                                          s.ledgerPaymentCount, s.ledgerPaymentFen,
                                          s.billPaymentCount, s.billPaymentFen));
    m_values[1]->setToolTip(differenceTip(tr("Bill minus ledger: %1 refunds, %2"),
                                          s.ledgerRefundCount, s.ledgerRefundFen, s.billRefundCount,
                                          s.billRefundFen));
    m_values[2]->setText(
        noBill ? tr("WeChat Pay has no bill for this day\n(no payment or refund)")
               : tr("Fees ¥%1").arg(money::formatYuanMilliGrouped(s.billFeeMilli))
                     + QStringLiteral("\n")
                     + tr("Settlement ¥%1").arg(money::formatYuanGrouped(s.billSettlementFen)));
    m_values[3]->setText(tr("%Ln found", nullptr, int(run->discrepancyCount)) + QStringLiteral("\n")
                         + tr("%Ln still open", nullptr, int(openCount)));
    // The payment card turns red when the two sides disagree, green when they agree.
    const bool paymentsAgree
        = s.ledgerPaymentFen == s.billPaymentFen && s.ledgerPaymentCount == s.billPaymentCount;
    QPalette pal = m_values[0]->palette();
    pal.setColor(QPalette::WindowText,
                 paymentsAgree ? QColor(0x1b, 0x7f, 0x3a) : QColor(0xc6, 0x28, 0x28));
    m_values[0]->setPalette(pal);
}

void SummaryCards::setAnomalies(const QList<core::CallbackAnomaly> &anomalies)
{
    m_showAnomalies->setEnabled(!anomalies.isEmpty());
    if (anomalies.isEmpty()) {
        m_anomalies->setText(tr("None"));
        m_anomalies->setPalette(QPalette());
        return;
    }
    std::map<core::AnomalyKind, int> byKind;
    for (const core::CallbackAnomaly &a : anomalies)
        ++byKind[a.kind];
    QStringList kinds;
    for (const auto &[kind, count] : byKind)
        kinds << tr("%1 %2").arg(core::anomalyKindLabel(kind)).arg(count);
    m_anomalies->setText(tr("%Ln found", nullptr, int(anomalies.size())) + QStringLiteral("\n")
                         + kinds.join(tr(", ")));
    QPalette pal = m_anomalies->palette();
    pal.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_anomalies->setPalette(pal);
}

} // namespace wxr::ui
