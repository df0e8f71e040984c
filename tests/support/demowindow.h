#pragma once

#include "demoenvironment.h"

#include "appcontext.h"
#include "mainwindow.h"

#include "store/metastore.h"
#include "sync/runcontroller.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QThreadPool>

#include <memory>

namespace SyncBridge::Test {

// What the UI suites drive: the demo environment (connections "Demo projects" and "Demo tenant")
// and a main window over it, wired as main() wires it — store work on a one-thread pool, runs on a
// RunController. QSettings are cleared first: a page or column width an earlier run remembered
// must not change what a test sees. UI tests only (it needs SyncBridge::ui).
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
        m_pool.setMaxThreadCount(1);
        m_runs = std::make_unique<RunController>(m_demo.store(), m_demo.secrets());
        AppContext context;
        context.store = m_demo.store();
        context.secrets = &m_demo.secrets();
        context.storePool = &m_pool;
        context.runs = m_runs.get();
        m_window = std::make_unique<MainWindow>(context);
        return m_window.get();
    }

    // The window first (its pages may still wait on the pool), then the runs; the pool's
    // meta-store connection is closed on the pool's own thread.
    void stop()
    {
        m_window.reset();
        m_runs.reset();
        if (const std::shared_ptr<MetaStore> store = m_demo.store())
            m_pool.start([store]() { store->releaseThreadConnection(); });
        m_pool.waitForDone();
    }

    DemoEnvironment &demo() { return m_demo; }
    MainWindow *window() const { return m_window.get(); }
    RunController *runs() const { return m_runs.get(); }

private:
    DemoEnvironment m_demo{{QStringLiteral("Demo projects"), QStringLiteral("Demo tenant")}};
    QThreadPool m_pool;
    std::unique_ptr<RunController> m_runs;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace SyncBridge::Test
