#include "overview/welcomepanel.h"

#include "common/backgroundtask.h"

#include "store/connectionrepository.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"
#include "store/runrepository.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

struct Progress {
    bool done[WelcomePanel::StepCount] = {};
    qint64 firstDefinition = 0;
};

Result<Progress> readProgress(const MetaStore &store)
{
    Progress progress;
    const ConnectionRepository connections(store);
    auto databases = connections.databases();
    if (!databases)
        return databases.error();
    auto sharePoint = connections.sharePointConnections();
    if (!sharePoint)
        return sharePoint.error();
    auto definitions = DefinitionRepository(store).all();
    if (!definitions)
        return definitions.error();
    progress.done[WelcomePanel::DatabaseStep] = !databases->isEmpty();
    progress.done[WelcomePanel::SharePointStep] = !sharePoint->isEmpty();
    progress.done[WelcomePanel::DefinitionStep] = !definitions->isEmpty();
    if (!definitions->isEmpty())
        progress.firstDefinition = definitions->constFirst().id;
    for (const bool dryRun : {true, false}) {
        RunFilter filter;
        filter.dryRun = dryRun;
        auto runs = RunRepository(store).countRuns(filter);
        if (!runs)
            return runs.error();
        progress.done[dryRun ? WelcomePanel::PreviewStep : WelcomePanel::RunStep] = *runs > 0;
    }
    return progress;
}

} // namespace

WelcomePanel::WelcomePanel(AppContext context, QWidget *parent)
    : QFrame(parent)
    , m_context(std::move(context))
{
    setObjectName(QStringLiteral("welcome"));
    setFrameShape(QFrame::StyledPanel);
    auto *heading = new QLabel(tr("<h2>Welcome to SyncBridge</h2>"
                                  "<p>Five steps take a PostgreSQL table into SharePoint lists. Each opens the dialog or page it needs; "
                                  "a tick shows what is done.</p>"),
        this);
    heading->setWordWrap(true);

    const QString titles[StepCount] = {
        tr("Add the PostgreSQL database to read from"),
        tr("Add the SharePoint connection to write to"),
        tr("Make a definition: choose the table, its list, and let Auto-map pair the columns"),
        tr("Preview: see what a run would create, update and delete, without writing"),
        tr("Run it: the rows go to SharePoint"),
    };
    const QString actions[StepCount] = {
        tr("Add a database…"),
        tr("Add a SharePoint connection…"),
        tr("New definition"),
        tr("Preview"),
        tr("Run"),
    };
    auto *steps = new QGridLayout;
    steps->setColumnStretch(1, 1);
    for (int step = 0; step < StepCount; ++step) {
        m_labels[step] = new QLabel(this);
        m_labels[step]->setObjectName(QStringLiteral("welcomeStep%1").arg(step + 1));
        m_labels[step]->setWordWrap(true);
        m_labels[step]->setTextFormat(Qt::RichText);
        m_labels[step]->setProperty("title", titles[step]);
        m_buttons[step] = new QPushButton(actions[step], this);
        m_buttons[step]->setObjectName(QStringLiteral("welcomeAction%1").arg(step + 1));
        steps->addWidget(m_labels[step], step, 1);
        steps->addWidget(m_buttons[step], step, 2);
    }
    m_buttons[DatabaseStep]->setObjectName(QStringLiteral("welcomeAddDatabase"));
    m_buttons[SharePointStep]->setObjectName(QStringLiteral("welcomeAddSharePoint"));
    m_buttons[DefinitionStep]->setObjectName(QStringLiteral("welcomeNewDefinition"));
    m_buttons[PreviewStep]->setObjectName(QStringLiteral("welcomePreview"));
    m_buttons[RunStep]->setObjectName(QStringLiteral("welcomeRun"));

    connect(m_buttons[DatabaseStep], &QPushButton::clicked, this, &WelcomePanel::addDatabaseRequested);
    connect(m_buttons[SharePointStep], &QPushButton::clicked, this, &WelcomePanel::addSharePointRequested);
    connect(m_buttons[DefinitionStep], &QPushButton::clicked, this, &WelcomePanel::newDefinitionRequested);
    connect(m_buttons[PreviewStep], &QPushButton::clicked, this, [this]() { emit previewRequested(m_firstDefinition); });
    connect(m_buttons[RunStep], &QPushButton::clicked, this, [this]() { emit runRequested(m_firstDefinition); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(steps);
    showSteps();
}

void WelcomePanel::reload()
{
    const int generation = ++m_generation;
    runInBackground(
        this, m_context.storePool, [store = m_context.store]() { return readProgress(*store); },
        [this, generation](Result<Progress> progress) {
            if (generation != m_generation)
                return; // a newer reload answers
            if (progress) {
                std::copy(std::begin(progress->done), std::end(progress->done), std::begin(m_done));
                m_firstDefinition = progress->firstDefinition;
            }
            showSteps();
            setVisible(!m_done[RunStep]);
            emit loaded();
        });
}

void WelcomePanel::showSteps()
{
    // The first step not done is the next one: it is in bold, and the steps after it that need
    // it (preview and run need a definition) wait for it.
    int next = StepCount;
    for (int step = 0; step < StepCount && next == StepCount; ++step) {
        if (!m_done[step])
            next = step;
    }
    for (int step = 0; step < StepCount; ++step) {
        const QString title = m_labels[step]->property("title").toString().toHtmlEscaped();
        const QString mark = m_done[step] ? QStringLiteral("<span style='color:#2e7d32'>&#10003;</span>") : QString::number(step + 1);
        m_labels[step]->setText(step == next ? QStringLiteral("%1&nbsp;&nbsp;<b>%2</b>").arg(mark, title)
                                             : QStringLiteral("%1&nbsp;&nbsp;%2").arg(mark, title));
        m_labels[step]->setToolTip(m_done[step] ? tr("Done") : (step == next ? tr("Next step") : tr("To do")));
        m_buttons[step]->setDefault(step == next);
    }
    // Adding connections and definitions stays open at any time; preview and run need a definition.
    m_buttons[PreviewStep]->setEnabled(m_firstDefinition != 0);
    m_buttons[RunStep]->setEnabled(m_firstDefinition != 0);
}

} // namespace SyncBridge
