#pragma once

#include "appcontext.h"

#include <QMainWindow>

class QListWidget;
class QStackedWidget;

namespace SyncBridge {

class ConnectionsPage;

// The main window: a navigation rail on the left, one page per entry on the right. Pages appear
// as their features exist (ARCHITECTURE.md §8 lists the full set).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppContext context, QWidget *parent = nullptr);
    ~MainWindow() override;

    ConnectionsPage *connectionsPage() const { return m_connections; }
    QListWidget *navigationRail() const { return m_rail; }

    // Brings the window to the front (a second launch asks for this).
    void raiseToFront();

private:
    void addPage(QWidget *page, const QString &iconPath, const QString &title);

    AppContext m_context;
    QListWidget *m_rail;
    QStackedWidget *m_pages;
    ConnectionsPage *m_connections;
};

} // namespace SyncBridge
