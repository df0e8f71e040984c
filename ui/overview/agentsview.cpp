#include "overview/agentsview.h"

#include "common/backgroundtask.h"
#include "overview/definitioncard.h"

#include "store/agentrepository.h"
#include "store/metastore.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

constexpr int refreshMs = 15000;        // as often as agents heart-beat
constexpr qint64 silentAfterMs = 60000; // an agent not heard of for a claim's lease is taken for gone

struct Fleet {
    QList<AgentRecord> agents;
    QDateTime databaseNow;
};

Result<Fleet> loadFleet(const MetaStore &store)
{
    const AgentRepository repository(store);
    auto agents = repository.agents();
    if (!agents)
        return agents.error();
    auto now = repository.databaseNow();
    if (!now)
        return now.error();
    return Fleet{*agents, *now};
}

} // namespace

AgentsView::AgentsView(AppContext context, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
    , m_tree(new QTreeWidget(this))
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("agentsView"));
    auto *title = new QLabel(tr("Agents"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_tree->setObjectName(QStringLiteral("agentsTree"));
    m_tree->setRootIsDecorated(false);
    m_tree->setHeaderLabels({tr("Name"), tr("Host"), tr("Version"), tr("Last heartbeat"), tr("Runs now")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setFixedHeight(
        m_tree->header()->sizeHint().height() + 4 * (m_tree->fontMetrics().lineSpacing() + 4) + 4); // four agents, then it scrolls
    m_empty->setObjectName(QStringLiteral("agentsEmpty"));
    m_empty->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_tree);
    layout->addWidget(m_empty);
    m_tree->hide();
    m_refresh.setInterval(refreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &AgentsView::reload);
}

void AgentsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_refresh.start();
    reload();
}

void AgentsView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_refresh.stop();
}

void AgentsView::reload()
{
    if (m_loading || !m_context.store)
        return;
    m_loading = true;
    runInBackground(
        this, m_context.storePool, [store = m_context.store]() { return loadFleet(*store); },
        [this](Result<Fleet> fleet) {
            m_loading = false;
            m_tree->clear();
            if (!fleet) {
                m_empty->setText(tr("The agents could not be read: %1").arg(fleet.error().message()));
                m_empty->show();
                m_tree->hide();
                return;
            }
            for (const AgentRecord &agent : std::as_const(fleet->agents)) {
                const bool silent = agent.heartbeatAt.msecsTo(fleet->databaseNow) > silentAfterMs;
                QString running = agent.running.isEmpty() ? tr("idle") : agent.running.join(QStringLiteral(", "));
                if (agent.paused)
                    running = tr("paused");
                if (silent)
                    running = tr("not responding");
                auto *item = new QTreeWidgetItem(
                    m_tree, {agent.name, agent.host, agent.version, relativeTime(agent.heartbeatAt, fleet->databaseNow), running});
                item->setToolTip(3, QLocale().toString(agent.heartbeatAt.toLocalTime(), QLocale::LongFormat));
                if (silent) {
                    for (int column = 0; column < m_tree->columnCount(); ++column)
                        item->setForeground(column, palette().brush(QPalette::Disabled, QPalette::Text));
                }
            }
            m_empty->setText(tr("No agent runs the schedules yet: turn on \"Run scheduled syncs on this computer\" in Settings, or start "
                                "syncbridge-cli agent on a server."));
            m_tree->setVisible(!fleet->agents.isEmpty());
            m_empty->setVisible(fleet->agents.isEmpty());
        });
}

} // namespace SyncBridge
