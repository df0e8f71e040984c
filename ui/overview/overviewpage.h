#pragma once

#include "appcontext.h"
#include "navigationpage.h"
#include "runs/rundialog.h"
#include "sync/cdc/slothealth.h"
#include "sync/runprogress.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace SyncBridge {

class AgentsView;
class DefinitionCard;
class WelcomePanel;
struct RunOutcome;
struct RunProgress;

// The first page: a card per sync definition with its last run and Run Sync Now; progress shows
// on the card while a run goes, the full picture in the run dialog.
class OverviewPage : public QWidget, public NavigationPage
{
    Q_OBJECT

public:
    explicit OverviewPage(AppContext context, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    QWidget *widget() override { return this; }

    QList<DefinitionCard *> cards() const;
    DefinitionCard *card(qint64 definitionId) const { return m_cards.value(definitionId); }
    RunDialog *runDialog(qint64 definitionId) const { return m_dialogs.value(definitionId); }
    QString message() const;
    AgentsView *agentsView() const { return m_agents; }
    // The guided first steps, shown until a first run.
    WelcomePanel *welcome() const { return m_welcome; }

public slots:
    void reload();
    void startRun(qint64 definitionId, bool dryRun);
    void openRunDialog(qint64 definitionId);
    // Cancels the definition's run; its card and run dialog say "Stopping…" at once.
    void cancelRun(qint64 definitionId);
    // This computer's scheduling agent paused or resumed: the cards say so.
    void setSchedulesPausedHere(bool paused);
    // Reads the open conflict counts again (a run found some, or a decision closed some).
    void refreshConflictCounts();
    // The slot guardian's verdict on a CDC definition's slot: its card shows a badge unless OK.
    void setSlotHealth(qint64 definitionId, const QString &name, const SyncBridge::SlotHealth &health);

signals:
    void loaded();
    void importRequested();
    void addDatabaseRequested();
    void addSharePointRequested();
    void newDefinitionRequested();
    void conflictsRequested(qint64 definitionId);
    // The cards show the open conflict counts just read.
    void conflictCountsLoaded();

private:
    void onProgress(qint64 definitionId, const RunProgress &progress);
    void onFinished(qint64 definitionId, const RunOutcome &outcome);

    AppContext m_context;
    QStackedWidget *m_stack;
    QWidget *m_cardsHost;
    QGridLayout *m_grid;
    QLabel *m_message;
    AgentsView *m_agents;
    WelcomePanel *m_welcome;
    QHash<qint64, DefinitionCard *> m_cards;
    QHash<qint64, SlotHealth> m_slotHealth; // kept across reloads, which make the cards anew
    QHash<qint64, QString> m_names;
    QHash<qint64, qint64> m_lastRunIds;
    QHash<qint64, QPointer<RunDialog>> m_dialogs;
    bool m_schedulesPausedHere = false;
    QSet<qint64> m_stopping;                   // cancel asked, outcome not yet here
    QHash<qint64, RunProgress> m_lastProgress; // of running runs: a run dialog opened mid-run starts from it
};

} // namespace SyncBridge
