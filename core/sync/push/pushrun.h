#pragma once

#include "common/clock.h"
#include "graph/servicewait.h"
#include "model/connection.h"
#include "store/dueretrypages.h"
#include "sync/cdc/changerate.h"
#include "sync/push/planner.h"
#include "sync/references/referenceresolver.h"
#include "sync/runphase.h"
#include "sync/syncjob.h"

#include <QHash>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

class QJsonArray;
class QTimer;

namespace SyncBridge {

class BatchWriter;
class CdcChangeAssembler;
class CdcReader;
struct CdcChange;
struct CdcTransaction;
class RunLease;
class GraphClient;
class Governor;
class MetaStore;
struct NewChoices;
class SourceReader;
struct SharePointConnection;
class SecretStore;
struct ItemOperation;

// One push run of one definition (database → SharePoint), on the calling thread's event loop: the
// database side is synchronous and short (a page at a time), the Graph side asynchronous. The steps
// are the RunPhase values in pushSteps order (pushrun.cpp); each ends by calling nextStep(), or
// fail()/finish() to stop. The cursor advances only to the end of a page whose every row succeeded
// or sits in the retry queue; creates are recorded as pending before they are sent and resolved
// through SyncBridgeKey after a crash. The steps live in one file each: resolving.cpp (with
// preflight.cpp), recovery.cpp, write.cpp, deletes.cpp, backfill.cpp, rekey.cpp; cancelling and the
// waits of the run's Graph calls in waits.cpp.
class PushRun : public SyncJob
{
    Q_OBJECT

public:
    // The budget the run spends: one governor per tenant connection, shared by concurrent runs.
    using GovernorSource = std::function<std::shared_ptr<Governor>(const SharePointConnection &connection)>;

    PushRun(std::shared_ptr<MetaStore> store, SecretStore &secrets, std::shared_ptr<Governor> governor, qint64 definitionId,
        RunOptions options = {}, const Clock &clock = Clock::system(), QObject *parent = nullptr);
    // The governor is chosen once the run has read its definition (on the run's thread).
    PushRun(std::shared_ptr<MetaStore> store, SecretStore &secrets, GovernorSource governors, qint64 definitionId, RunOptions options = {},
        const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~PushRun() override;

    void start() override;
    // Ends every wait at once (budget, Retry-After, backoff): the waiting calls complete as
    // cancelled, nothing more is sent, what was answered is committed, and the run ends CANCELLED.
    void cancel() override;
    void setMassDeleteApproval(MassDeleteApproval approve) override { m_approveMassDelete = std::move(approve); }

private:
    struct RowBatch;
    // The steps in order; runStep() enters one, nextStep() the one after it.
    QList<RunPhase> steps() const;
    void runStep(RunPhase step);
    void nextStep();
    void completed();

    // Connecting
    Result<void> prepare();
    // Resolving (resolving.cpp)
    void resolveTargets(int index);
    Result<void> checkDefinition() const; // preflight.cpp
    Error draftRefusal() const;           // preflight.cpp: why a disabled draft does not run
    void provisionMissingLists(int index);
    struct ListPlan listPlan(const QString &listName) const; // the table's columns, lookup and person ones as the mappings say
    void columnLeftOut(const QString &listName, const struct ColumnPlan &column); // a column-left-out warning event
    void planWithResolvedTargets();
    // Recovering, and Confirming (this run's own unconfirmed writes)
    void resolvePending();
    // Rekeying (rekey.cpp)
    void rekeyLedger();
    void rekeyPage(const QString &afterHash);
    // Retrying
    void processRetries();
    // Pushing (Planning in a dry run): which rows are read, in passes (reading.cpp)
    enum class ReadPass {
        NullCursors, // rows whose cursor is NULL, by key, every run (a NULL is never a position)
        Settled,     // from the stored position up to the change horizon: saved as read
        Unsettled,   // from the horizon on: delivered, but the saved position stays at the horizon
        Everything,  // FULL_SCAN, a dry run, a backfill, or a cursor that is not a time
    };
    Result<void> startReading();
    ChangeQuery nextQuery() const;
    void applyStoredPosition(ChangeQuery &query) const;
    std::optional<SyncCursor> cursorAfter(const SourceRow &last) const;
    void readNextPage();
    // Resolves the batch's lookups and people (ReferenceResolver), then plans it.
    void process(std::shared_ptr<RowBatch> batch);
    void planBatch(std::shared_ptr<RowBatch> batch, const ResolvedReferences &references);
    void writeBatch(std::shared_ptr<RowBatch> batch);
    // New choices of choice columns (choices.cpp): added before the batch that needs them is written;
    // a dry run counts them added and warns that the run would add them.
    void addNewChoices(std::shared_ptr<RowBatch> batch);
    void addChoicesOf(std::shared_ptr<RowBatch> batch, std::shared_ptr<QList<NewChoices>> pending);
    void previewNewChoices(const QList<PlannedRow> &plans);
    Result<void> commitBatch(const RowBatch &batch);
    void continueAfter(const RowBatch &batch);
    // Pushing a CDC definition (cdcreading.cpp): the initial load in the slot's snapshot, then the
    // stream's committed transactions up to the WAL end the run began at; the LSN cursor is saved
    // with each batch and only then confirmed to the slot.
    bool capturesChanges() const { return m_definition.mode == SyncMode::Cdc; }
    Result<void> openCdc();
    void readCdc();
    void deliverCdc(QList<CdcChange> changes, const QString &position);
    void upsertCdc(QList<SourceRow> rows, const QString &position);
    Result<void> saveCdcPosition(const QString &position);
    void deleteCdcItems(const QList<LedgerEntry> &entries, std::function<void()> then);
    // A continuous CDC run (cdcstreaming.cpp): RunOptions::cdcStreaming Follow or UntilIdle.
    bool streamsContinuously() const { return capturesChanges() && m_options.cdcStreaming != RunOptions::CdcStreaming::Drain; }
    void beginStream();
    bool streamEnds() const;
    void streamIdle();
    void delivered();
    std::optional<StreamProgress> streamProgress() const;
    void truncateCdc();
    void deleteTruncated(std::shared_ptr<QList<LedgerEntry>> left);
    void closeCdc();
    Result<void> touchCdcPosition();
    // CheckingDuplicates
    void removeTwins();
    QList<ItemOperation> twinsIn(const QString &listId, const QJsonArray &items) const;
    // Deleting
    void deleteVanishedRows();
    void deleteNextChunk(std::shared_ptr<QStringList> lists, const QString &afterHash);
    void planDeletes();
    // A dry run's preview (preview.cpp): the planned rows kept with their values, and the current
    // values of the items they would update or move, read from their lists.
    void previewRow(const PlannedRow &plan, const QString &listName);
    void keepPreviewRow(const PreviewRow &row); // up to RunOptions::previewRows, the rest counted
    void readCurrentValues(int listIndex);
    void finishDryRun();
    // A dry run of the editor's definition (RunOptions::definition): its unsaved changes planned.
    bool previewsAnEdit() const { return m_options.dryRun && m_options.definition.has_value(); }
    bool tracksCursor() const { return !m_options.dryRun && m_options.backfillFields.isEmpty(); }
    Result<void> resolveBackfill();
    void restrictToBackfill(PlannedRow &plan) const;
    QString listNameOf(const QString &listId) const;
    void fail(const Error &error);
    void finish(RunStatus status, const QString &message = {}, const std::optional<Error> &error = std::nullopt);
    void event(EventSeverity severity, const QString &type, const QString &message, const QJsonObject &payload = {});
    void report(RunPhase phase);
    // waits.cpp
    void onWaiting(const ServiceWait &wait, bool fresh);
    void onResumed();
    void recordWait(const ServiceWait &wait);
    qint64 ruSpentByThisRun() const;

    std::shared_ptr<MetaStore> m_store;
    SecretStore &m_secrets;
    GovernorSource m_governors;
    std::shared_ptr<Governor> m_governor;
    qint64 m_ruAtStart = 0;
    qint64 m_definitionId;
    RunOptions m_options;
    const Clock &m_clock;
    bool m_cancelled = false;
    bool m_done = false;
    RunPhase m_step = RunPhase::Connecting;

    SyncDefinition m_definition;
    TableInfo m_table;
    std::unique_ptr<SourceReader> m_source;
    std::unique_ptr<GraphClient> m_graph;
    std::unique_ptr<BatchWriter> m_writer;
    QString m_siteId;
    QList<ResolvedTarget> m_targets;
    PlanContext m_context;
    std::shared_ptr<ReferenceResolver> m_references; // made with the plan's context
    ChangeQuery m_query;
    SyncRun m_run;
    RunOutcome m_outcome;
    qint64 m_startedMs = 0;
    QHash<QString, int> m_firstCreatedId; // list id → smallest item id created in this run (or where a late create may land)
    MassDeleteApproval m_approveMassDelete;
    qint64 m_scanMark = 0;                  // FULL_SCAN: when the current scan started (ms since epoch)
    bool m_scanReachedEnd = false;
    qint64 m_heldBackDeletes = 0;           // deletions the circuit breaker held back
    qint64 m_marked = 0;                    // MARK policy: items flagged in this run
    QSet<QString> m_markColumnReady;        // list ids that have the flag column
    QList<ReadPass> m_passes;               // empty until the first page is read
    int m_pass = 0;
    std::optional<SourceRow> m_lastRead;    // within the current pass: pages go on in memory
    std::optional<SyncCursor> m_stored;     // the position the run started from
    std::optional<QString> m_horizon;       // UPDATED_AT: where rows still being written may appear
    QSet<QString> m_retriedThisRun;         // identity hashes the retry batches planned
    QSet<QString> m_failedRows;             // identity hashes of the rows that failed in this run (counted once)
    DueRetryPages m_dueRetries;             // the retries this run takes: due when it began retrying
    qint64 m_rowsWaiting = 0;               // in the retry queue when the run ended
    qint64 m_writesPending = 0;             // ledger entries still PENDING when the run ended (the next run resolves them)
    QHash<QString, bool> m_unconfirmed;     // identity hash → a move: writes of this run SharePoint did not answer
    int m_confirmed = 0;                    // Confirming: unanswered writes found in SharePoint
    qint64 m_rekeyed = 0;                   // Rekeying: entries given the identity of the new key
    qint64 m_rekeyLeft = 0;                 // Rekeying: entries whose row could not be matched
    QDateTime m_nextRetryAt;
    QSet<QString> m_backfillColumns;        // SharePoint columns a backfill re-pushes
    ServiceWait m_wait;                     // what the run's calls wait for now (shown with a countdown)
    QHash<int, qint64> m_lastWaitEventMs;   // by reason: waits are recorded once each, and at most twice a minute
    bool m_cancelledWhileWaitingForBudget = false;
    std::unique_ptr<CdcReader> m_cdc;
    std::unique_ptr<CdcChangeAssembler> m_cdcChanges;
    std::optional<Database> m_database; // CDC: the source's connection, for the replication stream
    std::unique_ptr<CdcTransaction> m_cdcTruncate; // a transaction that truncated the table: for the circuit breaker
    QTimer *m_cdcKeepAlive = nullptr;              // status updates while the run does not read (budget waits)
    qint64 m_cdcLastArrivalMs = 0;                 // when the stream last handed out a change
    qint64 m_cdcQuietSinceMs = 0;                  // reads have found nothing since (0: a change came since)
    qint64 m_cdcLastHeartbeatMs = 0;
    qint64 m_cdcLastTouchMs = 0;
    bool m_cdcHeartbeats = true; // off once the source refused one (warned once)
    qint64 m_cdcQueued = 0;      // changes read and not delivered yet
    QDateTime m_cdcOldestQueued; // the commit time of the oldest of them
    qint64 m_cdcDelivered = 0;
    std::unique_ptr<ChangeRate> m_cdcRate;
    std::unique_ptr<RunLease> m_lease; // held from Connecting to the end of a writing run
    QTimer *m_leaseRenewal = nullptr;
    QStringList m_previewLists; // dry run: list ids whose items the preview updates or moves
};

} // namespace SyncBridge
