#include "mainwindow.h"

#include "connectionspage.h"
#include "uiresources.h"
#include "uisettings.h"

#include "secrets/secretstore.h"
#include "store/metastore.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>

namespace SyncBridge {

MainWindow::MainWindow(AppContext context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(std::move(context))
    , m_rail(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_connections((ensureUiResources(), new ConnectionsPage(m_context, this)))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("SyncBridge"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/syncbridge.svg")));

    m_rail->setObjectName(QStringLiteral("navigationRail"));
    m_rail->setViewMode(QListView::IconMode);
    m_rail->setFlow(QListView::TopToBottom);
    m_rail->setMovement(QListView::Static);
    m_rail->setIconSize(QSize(28, 28));
    m_rail->setGridSize(QSize(96, 64));
    m_rail->setFixedWidth(100);
    m_rail->setFrameShape(QFrame::NoFrame);
    m_rail->setStyleSheet(QStringLiteral("QListWidget { background: palette(window); border-right: 1px solid palette(mid); }"));

    addPage(m_connections, QStringLiteral(":/icons/connections.svg"), tr("Connections"));
    connect(m_rail, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_rail->setCurrentRow(qBound(0, UiSettings::currentPage.value(), m_pages->count() - 1));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_rail);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    auto *storeLabel = new QLabel(tr("Meta-store: %1").arg(m_context.store->location().describe()), this);
    storeLabel->setObjectName(QStringLiteral("storeLabel"));
    statusBar()->addWidget(storeLabel, 1);
    statusBar()->addPermanentWidget(new QLabel(tr("Secrets: %1").arg(m_context.secrets->backendName()), this));

    resize(1100, 700);
    restoreGeometry(UiSettings::mainWindowGeometry.value());
    restoreState(UiSettings::mainWindowState.value());
}

MainWindow::~MainWindow()
{
    UiSettings::mainWindowGeometry.setValue(saveGeometry());
    UiSettings::mainWindowState.setValue(saveState());
    UiSettings::currentPage.setValue(m_rail->currentRow());
}

void MainWindow::addPage(QWidget *page, const QString &iconPath, const QString &title)
{
    auto *item = new QListWidgetItem(QIcon(iconPath), title, m_rail);
    item->setTextAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    item->setToolTip(title);
    m_pages->addWidget(page);
}

void MainWindow::raiseToFront()
{
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
}

} // namespace SyncBridge
