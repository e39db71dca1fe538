// SPDX-License-Identifier: GPL-3.0-or-later
#include "noticebar.h"

#include "glyphicon.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace wxr::ui {

NoticeBar::NoticeBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("noticeBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("noticeText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setTextFormat(Qt::PlainText);

    m_actionButton = new QToolButton(this);
    m_actionButton->setObjectName(QStringLiteral("noticeActionButton"));
    m_actionButton->hide();

    m_detailsButton = new QToolButton(this);
    m_detailsButton->setObjectName(QStringLiteral("noticeDetailsButton"));
    m_detailsButton->setText(tr("Details"));
    m_detailsButton->setCheckable(true);

    m_closeButton = new QToolButton(this);
    m_closeButton->setIcon(glyphIcon(Glyph::Cancel));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setToolTip(tr("Close this message"));
    m_closeButton->setAccessibleName(tr("Close message"));

    m_detail = new QPlainTextEdit(this);
    m_detail->setObjectName(QStringLiteral("noticeDetail"));
    m_detail->setReadOnly(true);
    m_detail->setMaximumHeight(fontMetrics().lineSpacing() * 8);
    m_detail->hide();

    auto *row = new QHBoxLayout;
    row->addWidget(m_text, 1);
    row->addWidget(m_actionButton);
    row->addWidget(m_detailsButton);
    row->addWidget(m_closeButton);
    auto *box = new QVBoxLayout(this);
    box->setContentsMargins(8, 4, 4, 4);
    box->addLayout(row);
    box->addWidget(m_detail);

    connect(m_detailsButton, &QToolButton::toggled, m_detail, &QWidget::setVisible);
    connect(m_closeButton, &QToolButton::clicked, this, &NoticeBar::dismiss);
    connect(m_actionButton, &QToolButton::clicked, this, [this] {
        // Dismiss first: the action may replace the message or close the window.
        auto action = std::move(m_action);
        dismiss();
        if (action)
            action();
    });
    hide();
}

NoticeBar::~NoticeBar() = default;

void NoticeBar::showMessage(Level level, const QString &sentence, const QString &detail)
{
    m_level = level;
    m_text->setText(sentence);
    m_detail->setPlainText(detail);
    m_detailsButton->setChecked(false);
    m_detailsButton->setVisible(!detail.isEmpty());
    m_detail->hide();
    m_action = nullptr;
    m_actionButton->hide();
    applyLevelStyle();
    show();
}

void NoticeBar::setAction(const QString &text, std::function<void()> action)
{
    m_action = std::move(action);
    m_actionButton->setText(text);
    m_actionButton->setVisible(true);
}

void NoticeBar::showError(const Error &error)
{
    showMessage(error.code == ErrorCode::Cancelled ? Level::Info : Level::Error, error.message,
                error.detail);
}

void NoticeBar::dismiss()
{
    hide();
    m_text->clear();
    m_detail->clear();
    m_action = nullptr;
    m_actionButton->hide();
}

QString NoticeBar::text() const
{
    return m_text->text();
}

QString NoticeBar::detail() const
{
    return m_detail->toPlainText();
}

void NoticeBar::applyLevelStyle()
{
    // Tinted backgrounds that keep the palette's text colour readable in light and dark themes.
    QColor tint;
    switch (m_level) {
    case Level::Info:
        tint = QColor(0x1e, 0x88, 0xe5);
        break;
    case Level::Success:
        tint = QColor(0x07, 0xc1, 0x60);
        break;
    case Level::Warning:
        tint = QColor(0xf9, 0xa8, 0x25);
        break;
    case Level::Error:
        tint = QColor(0xe5, 0x39, 0x35);
        break;
    }
    QPalette pal = palette();
    const QColor base = QPalette().color(QPalette::Window);
    const qreal a = 0.18;
    pal.setColor(QPalette::Window, QColor::fromRgbF(base.redF() * (1 - a) + tint.redF() * a,
                                                    base.greenF() * (1 - a) + tint.greenF() * a,
                                                    base.blueF() * (1 - a) + tint.blueF() * a));
    setPalette(pal);
    setAccessibleDescription(m_level == Level::Error ? tr("Error") : tr("Message"));
}

} // namespace wxr::ui
