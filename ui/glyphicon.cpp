// SPDX-License-Identifier: GPL-3.0-or-later
#include "glyphicon.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

#include <cmath>
#include <numbers>

namespace wxr::ui {

namespace {

// Every glyph is drawn on a 24 × 24 grid and scaled to the requested rectangle.
constexpr qreal kGrid = 24.0;

QPainterPath documentPath()
{
    QPainterPath p;
    p.moveTo(6, 3);
    p.lineTo(14, 3);
    p.lineTo(19, 8);
    p.lineTo(19, 21);
    p.lineTo(6, 21);
    p.closeSubpath();
    p.moveTo(14, 3);
    p.lineTo(14, 8);
    p.lineTo(19, 8);
    return p;
}

QPainterPath gearPath()
{
    QPainterPath p;
    constexpr int teeth = 8;
    constexpr qreal outer = 9.5, inner = 7.0, cx = 12, cy = 12;
    for (int i = 0; i < teeth * 4; ++i) {
        const qreal angle = 2 * std::numbers::pi * i / (teeth * 4);
        const qreal r = (i % 4 == 0 || i % 4 == 1) ? outer : inner;
        const QPointF pt(cx + r * std::cos(angle), cy + r * std::sin(angle));
        if (i == 0)
            p.moveTo(pt);
        else
            p.lineTo(pt);
    }
    p.closeSubpath();
    p.addEllipse(QPointF(cx, cy), 3, 3);
    return p;
}

void drawGlyph(QPainter &p, Glyph glyph, const QColor &ink)
{
    QPen pen(ink, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    switch (glyph) {
    case Glyph::App: {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x07, 0xc1, 0x60));
        p.drawRoundedRect(QRectF(0.75, 0.75, 22.5, 22.5), 4.5, 4.5);
        p.setBrush(Qt::white);
        p.drawRoundedRect(QRectF(4.9, 5.25, 10.5, 13.5), 1, 1);
        p.drawEllipse(QPointF(16, 15.75), 4.1, 4.1);
        p.setPen(QPen(QColor(0x07, 0xc1, 0x60), 1.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawLine(QPointF(6.6, 8.3), QPointF(13.4, 8.3));
        p.drawLine(QPointF(6.6, 10.7), QPointF(12.0, 10.7));
        p.drawPolyline(QPolygonF{{13.9, 15.8}, {15.4, 17.3}, {18.2, 14.3}});
        break;
    }
    case Glyph::Reconcile:
        p.drawPath(documentPath());
        p.drawPolyline(QPolygonF{{8.5, 14}, {11.5, 17}, {16.5, 11.5}});
        break;
    case Glyph::Monitor:
        p.drawPolyline(
            QPolygonF{{2, 13}, {6.5, 13}, {9, 6}, {13, 19}, {15.5, 10}, {17.5, 13}, {22, 13}});
        break;
    case Glyph::StuckOrders:
        p.drawEllipse(QPointF(12, 12), 9, 9);
        p.drawPolyline(QPolygonF{{12, 6.5}, {12, 12}, {16, 14.5}});
        break;
    case Glyph::Lookup:
        p.drawEllipse(QPointF(10.5, 10.5), 6.5, 6.5);
        p.drawLine(QPointF(15.3, 15.3), QPointF(21, 21));
        break;
    case Glyph::Reports:
        p.drawLine(QPointF(3, 21), QPointF(21, 21));
        p.drawRect(QRectF(5, 12, 3.5, 9));
        p.drawRect(QRectF(10.25, 6, 3.5, 15));
        p.drawRect(QRectF(15.5, 9.5, 3.5, 11.5));
        break;
    case Glyph::Settings:
        p.drawPath(gearPath());
        break;
    case Glyph::Cancel:
        p.drawLine(QPointF(6.5, 6.5), QPointF(17.5, 17.5));
        p.drawLine(QPointF(17.5, 6.5), QPointF(6.5, 17.5));
        break;
    }
}

class GlyphIconEngine final : public QIconEngine
{
public:
    explicit GlyphIconEngine(Glyph glyph)
        : m_glyph(glyph)
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette pal = QGuiApplication::palette();
        QColor ink = pal.color(QPalette::WindowText);
        if (mode == QIcon::Selected)
            ink = pal.color(QPalette::HighlightedText);
        else if (mode == QIcon::Disabled)
            ink = pal.color(QPalette::Disabled, QPalette::WindowText);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const qreal side = qMin(rect.width(), rect.height());
        painter->translate(rect.x() + (rect.width() - side) / 2.0,
                           rect.y() + (rect.height() - side) / 2.0);
        painter->scale(side / kGrid, side / kGrid);
        drawGlyph(*painter, m_glyph, ink);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pm(size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }

    QIconEngine *clone() const override { return new GlyphIconEngine(m_glyph); }

private:
    Glyph m_glyph;
};

} // namespace

QIcon glyphIcon(Glyph glyph)
{
    return QIcon(new GlyphIconEngine(glyph));
}

} // namespace wxr::ui
