#pragma once

#include <QIcon>
#include <QString>

#include <functional>

class QWidget;

namespace SyncBridge {

// A page of the main window's navigation rail (KeePassXC's ISettingsPage). The main window keeps
// its pages in one list whose order is the rail's order and gives the Ctrl+1… shortcuts, so a new
// page is one class and one entry in that list, not another branch in the main window.
class NavigationPage
{
public:
    virtual ~NavigationPage() = default;

    // The rail entry: its text (also the shortcut's action) and its icon.
    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;
    // What the main window shows while the page is chosen.
    virtual QWidget *widget() = 0;
    // Called each time the page is chosen. Pages whose content other pages change reload here.
    virtual void activated() { }
    // Asked before the page is left — another page chosen, the window closed. A page with unsaved
    // work asks the user (without blocking the window) and calls `proceed` once it may be left
    // (saved or discarded), never when the user chose to stay. Pages without such work proceed at once.
    virtual void leave(std::function<void()> proceed) { proceed(); }
};

} // namespace SyncBridge
