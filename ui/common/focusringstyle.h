#pragma once

#include <QProxyStyle>

namespace SyncBridge {

// The application's style with a focus ring a keyboard user finds at a glance: a 2 px ring in the
// highlight colour around the focused button, field, combo box, check box, list item and
// navigation entry (Fusion's own hint is a faint 1 px line, barely visible on buttons).
class FocusRingStyle : public QProxyStyle
{
    Q_OBJECT

public:
    using QProxyStyle::QProxyStyle;

    void drawPrimitive(
        PrimitiveElement element, const QStyleOption *option, QPainter *painter, const QWidget *widget = nullptr) const override;
    void drawComplexControl(
        ComplexControl control, const QStyleOptionComplex *option, QPainter *painter, const QWidget *widget = nullptr) const override;
};

// Installs FocusRingStyle over the application's style once (the main window calls it).
void installFocusRingStyle();

} // namespace SyncBridge
