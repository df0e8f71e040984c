#pragma once

#include "common/clock.h"
#include "sync/pushplanner.h"
#include "sync/runprogress.h"

#include <QHash>
#include <QSet>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QJsonArray;
class QTimer;

namespace SyncBridge {

class BatchWriter;
class GraphClient;
class Governor;
class MetaStore;
class SourceReader;
struct SharePointConnection;
class SecretStore;
struct ItemOperation;

struct PushOptions {
    bool dryRun = false;
    bool resetCursor = false;       // full re-sync: updates instead of duplicates, thanks to the ledger
    int pageSize = 500;
    int sampleRows = 5;
    int streamWindowRows = 20000;   // rows per COPY statement, so per source transaction
    // Re-push only these mapped fields (source or SharePoint names) to every synced item; the
    // cursor stays where it is and nothing is created, moved or deleted.
    QStringList backfillFields;
};

// What the delete circuit breaker asks before a run deletes more than the definition's share of a
// list's items (rows gone from the source under FULL_SCAN with the DELETE policy).
struct MassDeleteCheck {
    QString listName;
    qint64 deletions = 0;
    qint64 items = 0;               // the list's synced items before the deletions
    double limit = 0.2;             // the definition's maxShare
};

// One push run of one definition (database → SharePoint), on the calling thread's event loop: the
// database side is synchronous and short (a page at a time), the Graph side asynchronous. The cursor
// advances only to the end of a page whose every row succeeded or sits in the retry queue; creates
// are recorded as pending before they are sent and resolved through SyncBridgeKey after a crash.
class PushRun : public QObject
{
    Q_OBJECT

public:
    // The budget the run spends: one governor per tenant connection, shared by concurrent runs.
    using GovernorSource = std::function<std::shared_ptr<Governor>(const SharePointConnection &connection)>;

    PushRun(std::shared_ptr<MetaStore> store, SecretStore &secrets, std::shared_ptr<Governor> governor, qint64 definitionId,
            PushOptions options = {}, const Clock &clock = Clock::system(), QObject *parent = nullptr);
    // The governor is chosen once the run has read its definition (on the run's thread).
    PushRun(std::shared_ptr<MetaStore> store, SecretStore &secrets, GovernorSource governors, qint64 definitionId,
            PushOptions options = {}, const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~PushRun() override;

    void start();
    // Finishes what is in flight, commits it, and stops.
    void cancel() { m_cancelled = true; }
    // The circuit breaker's question; without an answer (or on false) the deletions are held back
    // and the run ends PARTIALLY_FAILED. Called on the run's thread; it must not open a dialog there.
    void setMassDeleteApproval(std::function<bool(const MassDeleteCheck &)> approve) { m_approveMassDelete = std::move(approve); }

signals:
    void progress(const SyncBridge::RunProgress &progress);
    void finished(const SyncBridge::RunOutcome &outcome);

private:
    struct Page;
    Result<void> prepare();
    void resolveTargets(int index);
    void resolvePending();
    void removeTwins(std::function<void()> then);
    QList<ItemOperation> twinsIn(const QString &listId, const QJsonArray &items) const;
    void deleteVanishedRows(std::function<void()> then);
    void deleteNextChunk(std::shared_ptr<QStringList> lists, const QString &afterHash, std::function<void()> then);
    void planDeletes(std::function<void()> then);
    bool tracksCursor() const { return !m_options.dryRun && m_options.backfillFields.isEmpty(); }
    Result<void> resolveBackfill();
    void restrictToBackfill(PlannedRow &plan) const;
    QString listNameOf(const QString &listId) const;
    void processRetries();
    void readNextPage();
    void process(std::shared_ptr<Page> page);
    void writePage(std::shared_ptr<Page> page);
    Result<void> commitPage(const Page &page);
    void finish(RunStatus status, const QString &message);
    void event(EventSeverity severity, const QString &type, const QString &message, const QJsonObject &payload = {});
    void report(const QString &phase);
    void watchBudget();
    qint64 ruSpentByThisRun() const;

    std::shared_ptr<MetaStore> m_store;
    SecretStore &m_secrets;
    GovernorSource m_governors;
    std::shared_ptr<Governor> m_governor;
    qint64 m_ruAtStart = 0;
    qint64 m_definitionId;
    PushOptions m_options;
    const Clock &m_clock;
    bool m_cancelled = false;
    bool m_done = false;

    SyncDefinition m_definition;
    TableInfo m_table;
    std::unique_ptr<SourceReader> m_source;
    std::unique_ptr<GraphClient> m_graph;
    std::unique_ptr<BatchWriter> m_writer;
    QString m_siteId;
    QList<ResolvedTarget> m_targets;
    PlanContext m_context;
    ChangeQuery m_query;
    SyncRun m_run;
    RunOutcome m_outcome;
    qint64 m_startedMs = 0;
    QHash<QString, int> m_firstCreatedId;   // list id → smallest item id created in this run
    std::function<bool(const MassDeleteCheck &)> m_approveMassDelete;
    qint64 m_scanMark = 0;                  // FULL_SCAN: when the current scan started (ms since epoch)
    bool m_scanReachedEnd = false;
    bool m_deletesHeldBack = false;
    qint64 m_marked = 0;                    // MARK policy: items flagged in this run
    QSet<QString> m_markColumnReady;        // list ids that have the flag column
    std::optional<SourceRow> m_lastRead;    // dry run and backfill page on in memory
    QSet<QString> m_backfillColumns;        // SharePoint columns a backfill re-pushes
    QTimer *m_budgetWatch = nullptr;
    bool m_waitingForBudget = false;
};

} // namespace SyncBridge
