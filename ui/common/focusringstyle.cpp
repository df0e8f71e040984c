#include "common/focusringstyle.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOption>

namespace SyncBridge {
namespace {

void drawRing(QPainter *painter, const QStyleOption *option, const QRect &rect)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(option->palette.color(QPalette::Active, QPalette::Highlight), 2);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 3, 3);
    painter->restore();
}

bool focused(const QStyleOption *option)
{
    return (option->state & QStyle::State_HasFocus) && (option->state & QStyle::State_Enabled);
}

} // namespace

void FocusRingStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter, const QWidget *widget) const
{
    switch (element) {
    case PE_FrameFocusRect:
        // Item views (the navigation rail, lists, trees) and check boxes draw their focus with it.
        drawRing(painter, option, option->rect);
        return;
    case PE_PanelButtonCommand:
    case PE_PanelLineEdit:
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if (focused(option))
            drawRing(painter, option, option->rect);
        return;
    default:
        QProxyStyle::drawPrimitive(element, option, painter, widget);
    }
}

void FocusRingStyle::drawComplexControl(
    ComplexControl control, const QStyleOptionComplex *option, QPainter *painter, const QWidget *widget) const
{
    QProxyStyle::drawComplexControl(control, option, painter, widget);
    if ((control == CC_ComboBox || control == CC_SpinBox || control == CC_ToolButton) && focused(option))
        drawRing(painter, option, option->rect);
}

void installFocusRingStyle()
{
    if (qobject_cast<FocusRingStyle *>(QApplication::style()))
        return;
    // QApplication owns the style; the proxy takes over the base style it wraps.
    QApplication::setStyle(new FocusRingStyle(QApplication::style()->name()));
}

} // namespace SyncBridge
