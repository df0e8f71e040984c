#include "overview/overviewpage.h"

#include "common/backgroundtask.h"
#include "overview/agentsview.h"
#include "overview/definitioncard.h"
#include "overview/welcomepanel.h"
#include "runs/rundialog.h"

#include "store/conflictrepository.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"
#include "store/runrepository.h"
#include "sync/runcontroller.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

struct DefinitionWithLastRun {
    SyncDefinition definition;
    std::optional<SyncRun> lastSync;    // the newest real run
    std::optional<SyncRun> lastPreview; // the newest dry run
    qint64 openConflicts = 0;
};

Result<QList<DefinitionWithLastRun>> loadOverview(const MetaStore &store)
{
    auto definitions = DefinitionRepository(store).all();
    if (!definitions)
        return definitions.error();
    const auto openConflicts = ConflictRepository(store).openCounts();
    if (!openConflicts)
        return openConflicts.error();
    QList<DefinitionWithLastRun> rows;
    for (const SyncDefinition &definition : std::as_const(*definitions)) {
        DefinitionWithLastRun row{definition, std::nullopt, std::nullopt, openConflicts->value(definition.id)};
        for (const bool dryRun : {false, true}) {
            RunFilter filter;
            filter.definitionId = definition.id;
            filter.dryRun = dryRun;
            filter.limit = 1;
            auto runs = RunRepository(store).runs(filter);
            if (!runs)
                return runs.error();
            if (!runs->isEmpty())
                (dryRun ? row.lastPreview : row.lastSync) = runs->constFirst();
        }
        rows.append(row);
    }
    return rows;
}

} // namespace

OverviewPage::OverviewPage(AppContext context, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
    , m_stack(new QStackedWidget(this))
    , m_cardsHost(new QWidget(this))
    , m_grid(new QGridLayout(m_cardsHost))
    , m_message(new QLabel(this))
    , m_agents(new AgentsView(m_context, this))
    , m_welcome(new WelcomePanel(m_context, this))
{
    setObjectName(QStringLiteral("overviewPage"));
    auto *title = new QLabel(tr("Sync definitions"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    title->setFont(titleFont);
    m_message->setObjectName(QStringLiteral("overviewMessage"));
    m_message->setWordWrap(true);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_cardsHost);
    m_grid->setSpacing(12);

    auto *empty = new QWidget(this);
    auto *emptyLayout = new QVBoxLayout(empty);
    auto *emptyText = new QLabel(tr("<h3>No sync definitions yet</h3><p>A definition says which table goes to which SharePoint lists. "
                                    "Follow the steps above, or import a definitions file "
                                    "(<code>syncbridge-cli definitions import file.json</code>, or the button below).</p>"),
        empty);
    emptyText->setObjectName(QStringLiteral("emptyState"));
    emptyText->setWordWrap(true);
    emptyText->setAlignment(Qt::AlignCenter);
    auto *import = new QPushButton(tr("Import definitions…"), empty);
    import->setObjectName(QStringLiteral("importDefinitions"));
    connect(import, &QPushButton::clicked, this, &OverviewPage::importRequested);
    emptyLayout->addStretch();
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(import, 0, Qt::AlignCenter);
    emptyLayout->addStretch();

    m_stack->addWidget(scroll);
    m_stack->addWidget(empty);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_message);
    layout->addWidget(m_welcome);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_agents);
    m_welcome->hide(); // until the store says what is done
    connect(m_welcome, &WelcomePanel::addDatabaseRequested, this, &OverviewPage::addDatabaseRequested);
    connect(m_welcome, &WelcomePanel::addSharePointRequested, this, &OverviewPage::addSharePointRequested);
    connect(m_welcome, &WelcomePanel::newDefinitionRequested, this, &OverviewPage::newDefinitionRequested);
    const auto startFromWelcome = [this](qint64 definitionId, bool dryRun) {
        startRun(definitionId, dryRun);
        openRunDialog(definitionId);
    };
    connect(m_welcome, &WelcomePanel::previewRequested, this, [startFromWelcome](qint64 id) { startFromWelcome(id, true); });
    connect(m_welcome, &WelcomePanel::runRequested, this, [startFromWelcome](qint64 id) { startFromWelcome(id, false); });
    m_message->hide();

    if (m_context.runs) {
        connect(m_context.runs, &RunController::progress, this, &OverviewPage::onProgress);
        connect(m_context.runs, &RunController::finished, this, &OverviewPage::onFinished);
    }
}

QString OverviewPage::title() const
{
    return tr("Overview");
}

QIcon OverviewPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/overview.svg"));
}

QList<DefinitionCard *> OverviewPage::cards() const
{
    return m_cardsHost->findChildren<DefinitionCard *>();
}

QString OverviewPage::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void OverviewPage::setSchedulesPausedHere(bool paused)
{
    m_schedulesPausedHere = paused;
    for (DefinitionCard *card : std::as_const(m_cards))
        card->setSchedulesPausedHere(paused);
}

void OverviewPage::reload()
{
    m_agents->reload();
    m_welcome->reload();
    runInBackground(this, m_context.storePool, [store = m_context.store]() { return loadOverview(*store); },
                    [this](Result<QList<DefinitionWithLastRun>> rows) {
                        qDeleteAll(m_cards);
                        m_cards.clear();
                        if (!rows) {
                            m_message->setText(tr("Cannot read the definitions: %1").arg(rows.error().message()));
                            m_message->show();
                            emit loaded();
                            return;
                        }
                        int index = 0;
                        for (const DefinitionWithLastRun &row : std::as_const(*rows)) {
                            auto *card = new DefinitionCard(row.definition, m_cardsHost);
                            card->setLastRuns(row.lastSync, row.lastPreview);
                            card->setOpenConflicts(row.openConflicts);
                            if (m_slotHealth.contains(row.definition.id))
                                card->setSlotHealth(m_slotHealth.value(row.definition.id));
                            const std::optional<SyncRun> &newest
                                = row.lastPreview && (!row.lastSync || row.lastPreview->startedAt > row.lastSync->startedAt)
                                ? row.lastPreview
                                : row.lastSync;
                            if (newest)
                                m_lastRunIds.insert(row.definition.id, newest->id);
                            card->setRunning(m_context.runs && m_context.runs->isRunning(row.definition.id));
                            if (m_schedulesPausedHere)
                                card->setSchedulesPausedHere(true);
                            if (m_stopping.contains(row.definition.id))
                                card->setStopping();
                            connect(card, &DefinitionCard::runRequested, this, &OverviewPage::startRun);
                            connect(card, &DefinitionCard::cancelRequested, this, &OverviewPage::cancelRun);
                            connect(card, &DefinitionCard::detailsRequested, this, &OverviewPage::openRunDialog);
                            connect(card, &DefinitionCard::conflictsRequested, this, &OverviewPage::conflictsRequested);
                            m_grid->addWidget(card, index / 2, index % 2);
                            m_cards.insert(row.definition.id, card);
                            m_names.insert(row.definition.id, row.definition.name);
                            ++index;
                        }
                        m_grid->setRowStretch(m_grid->rowCount(), 1);
                        m_stack->setCurrentIndex(rows->isEmpty() ? 1 : 0);
                        emit loaded();
                    });
}

void OverviewPage::refreshConflictCounts()
{
    runInBackground(
        this, m_context.storePool, [store = m_context.store]() { return ConflictRepository(*store).openCounts(); },
        [this](Result<QHash<qint64, qint64>> counts) {
            if (!counts)
                return; // the cards keep the counts they show; the next reload says what is wrong
            for (DefinitionCard *card : std::as_const(m_cards))
                card->setOpenConflicts(counts->value(card->definitionId()));
            emit conflictCountsLoaded();
        });
}

void OverviewPage::startRun(qint64 definitionId, bool dryRun)
{
    RunOptions options;
    options.dryRun = dryRun;
    const Result<void> started = m_context.runs->start(definitionId, options);
    if (!started) {
        m_message->setText(started.error().message());
        m_message->show();
        return;
    }
    m_message->hide();
    if (DefinitionCard *card = m_cards.value(definitionId))
        card->setRunning(true);
}

void OverviewPage::openRunDialog(qint64 definitionId)
{
    RunDialog *dialog = m_dialogs.value(definitionId);
    if (!dialog) {
        dialog = new RunDialog(m_context, definitionId, m_names.value(definitionId), this);
        connect(dialog, &RunDialog::cancelRequested, this, &OverviewPage::cancelRun);
        m_dialogs.insert(definitionId, dialog);
        if (m_lastProgress.contains(definitionId))
            dialog->setProgress(m_lastProgress.value(definitionId));
        if (m_stopping.contains(definitionId))
            dialog->setStopping();
        if (!(m_context.runs && m_context.runs->isRunning(definitionId)) && m_lastRunIds.contains(definitionId))
            dialog->showRun(m_lastRunIds.value(definitionId));
    }
    dialog->show();
    dialog->raise();
}

void OverviewPage::cancelRun(qint64 definitionId)
{
    if (!m_context.runs || !m_context.runs->isRunning(definitionId))
        return;
    // Said at once everywhere the run shows; the controller's answer (the outcome) comes when what
    // was in flight is recorded.
    m_stopping.insert(definitionId);
    if (DefinitionCard *card = m_cards.value(definitionId); card && !card->isStopping())
        card->setStopping();
    if (RunDialog *dialog = m_dialogs.value(definitionId))
        dialog->setStopping();
    m_context.runs->cancel(definitionId);
}

void OverviewPage::onProgress(qint64 definitionId, const RunProgress &progress)
{
    if (progress.phase != RunPhase::Finished)
        m_lastProgress.insert(definitionId, progress);
    if (DefinitionCard *card = m_cards.value(definitionId))
        card->setProgress(progress);
    if (RunDialog *dialog = m_dialogs.value(definitionId))
        dialog->setProgress(progress);
}

void OverviewPage::onFinished(qint64 definitionId, const RunOutcome &outcome)
{
    m_stopping.remove(definitionId);
    m_lastProgress.remove(definitionId);
    m_lastRunIds.insert(definitionId, outcome.runId);
    m_welcome->reload();
    refreshConflictCounts(); // a two-way run finds conflicts and applies decisions
    if (DefinitionCard *card = m_cards.value(definitionId))
        card->setOutcome(outcome);
    if (RunDialog *dialog = m_dialogs.value(definitionId))
        dialog->setOutcome(outcome);
}

void OverviewPage::setSlotHealth(qint64 definitionId, const QString &, const SlotHealth &health)
{
    m_slotHealth.insert(definitionId, health);
    if (DefinitionCard *card = m_cards.value(definitionId))
        card->setSlotHealth(health);
}

} // namespace SyncBridge
