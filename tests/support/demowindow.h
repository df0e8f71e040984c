#pragma once

#include "demoenvironment.h"

#include "appservices.h"
#include "mainwindow.h"

#include "graph/governorregistry.h"
#include "graph/graphclients.h"
#include "store/metastore.h"
#include "sync/runcontroller.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>

#include <memory>

namespace SyncBridge::Test {

// What the UI suites drive: the demo environment (connections "Demo projects" and "Demo tenant")
// and a main window over it, wired as main() wires it — with the same AppServices (store work on a
// one-thread pool, runs on a RunController, one governor and Graph client per connection). QSettings are cleared first: a page or column
// width an earlier run remembered must not change what a test sees. UI tests only (it needs SyncBridge::ui).
class DemoWindow
{
public:
    DemoWindow() = default;
    DemoWindow(const DemoWindow &) = delete;
    DemoWindow &operator=(const DemoWindow &) = delete;
    ~DemoWindow() { stop(); }

    // Starts the environment; false with the reason in *error. Whatever the window should find when
    // it opens (imported definitions, say) goes into the store before openWindow().
    bool start(QString *error)
    {
        QCoreApplication::setOrganizationName(QStringLiteral("SyncBridgeTest"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        return m_demo.start(error);
    }

    MainWindow *openWindow()
    {
        m_services = std::make_unique<AppServices>(m_demo.store(), m_demo.secrets());
        m_window = std::make_unique<MainWindow>(m_services->context());
        return m_window.get();
    }

    // The window first (its pages may still wait on the pool), then the services.
    void stop()
    {
        m_window.reset();
        m_services.reset();
    }

    DemoEnvironment &demo() { return m_demo; }
    MainWindow *window() const { return m_window.get(); }
    RunController *runs() const { return m_services ? &m_services->runs() : nullptr; }
    AppServices *services() const { return m_services.get(); }

private:
    DemoEnvironment m_demo{{QStringLiteral("Demo projects"), QStringLiteral("Demo tenant")}};
    std::unique_ptr<AppServices> m_services;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace SyncBridge::Test
