#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "graph/servicewait.h"
#include "model/catalog.h"
#include "model/conflict.h"
#include "model/connection.h"
#include "model/definition.h"
#include "model/runtime.h"
#include "source/rowwrites.h"
#include "source/sourcerow.h"
#include "store/agreedstaterepository.h"
#include "sync/identity.h"
#include "sync/references/referenceresolver.h"
#include "sync/runphase.h"
#include "sync/syncjob.h"
#include "sync/twoway/fieldmerge.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

#include <functional>
#include <memory>

class QTimer;

namespace SyncBridge {

class BatchWriter;
class GraphClient;
class Governor;
class MetaStore;
class RunLease;
class SecretStore;
class SourceReader;

// What a two-way run wrote to each side, and the conflicts it met (docs/sync-engine.md, "Two-way").
struct TwoWayCounts {
    qint64 rowsCreated = 0, rowsUpdated = 0, rowsDeleted = 0;    // the database
    qint64 itemsCreated = 0, itemsUpdated = 0, itemsDeleted = 0; // SharePoint
    qint64 rowsMarked = 0, itemsMarked = 0;                      // delete policy MARK: rows and items kept with their "gone" mark set
    qint64 matched = 0;                                          // first run: rows and items found to be one by their key
    qint64 conflicts = 0;        // fields changed on both sides to different values (decided by the policy or queued)
    qint64 conflictsQueued = 0;  // MANUAL: waiting for a decision
    qint64 conflictsApplied = 0; // decisions written to both sides
    qint64 databaseWrites() const { return rowsCreated + rowsUpdated + rowsDeleted + rowsMarked; }
    qint64 sharePointWrites() const { return itemsCreated + itemsUpdated + itemsDeleted + itemsMarked; }
};

// A person as a conflict names its SharePoint editor: "Adele Vance <AdeleV@contoso.com>", or whichever is known.
QString personText(const QString &name, const QString &email);

// One TWO_WAY run of one definition, on the calling thread's event loop: Connecting → Resolving →
// Recovering (waiting until writes of a run that died writing can no longer land) → Pulling (SharePoint's changes since the kept delta
// link, and the items that failed before) → Pushing (the whole table is compared with the last agreed state; every row and item is merged
// field by field; the database is written first, then SharePoint, then the ledger and agreed state). One run record, one lease. The delta
// link read at the start is kept only at the end, so a crash reads the same changes again, and what the crashed run wrote compares equal on
// both sides (it is agreed, not written again). Files: twowayrun.cpp (steps, connecting, resolving, finishing), twowayplan.cpp (reading
// both sides, merging a pair field by field), twowaymatch.cpp (which row, item and ledger entry are one, and what each becomes),
// twowayeditors.cpp (conflicts' editors by name), twowayreferences.cpp (lookup and person fields: ids ↔ keys and
// emails), twowaywrite.cpp (writing both sides and the bookkeeping).
class TwoWayRun : public SyncJob
{
    Q_OBJECT

public:
    using GovernorSource = std::function<std::shared_ptr<Governor>(const SharePointConnection &connection)>;

    TwoWayRun(std::shared_ptr<MetaStore> store, SecretStore &secrets, GovernorSource governors, qint64 definitionId,
        RunOptions options = {}, const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~TwoWayRun() override;

    void start() override;
    void cancel() override;
    void setMassDeleteApproval(MassDeleteApproval approve) override { m_approveMassDelete = std::move(approve); }

    const TwoWayCounts &counts() const { return m_counts; }

private:
    // What one row (and its item) becomes in this run.
    struct RowPlan {
        // MarkRow, FlagItem: delete policy MARK — the row of an item deleted in SharePoint gets its
        // syncbridge_gone mark, the item of a row deleted in the database its SyncBridgeGone flag.
        enum class Kind { Merge, CreateItem, CreateRow, DeleteItem, DeleteRow, MarkRow, FlagItem, Leave, Forget, Twin };
        Kind kind = Kind::Merge;
        RowIdentity identity;
        QStringList keyValues; // empty: the database gives the key (a new item's row)
        std::optional<LedgerEntry> ledger;
        QString itemId;
        bool matched = false; // first run: a row and an item found by their key
        QJsonObject agreed;   // the agreed state after the writes
        QString provenance;
        QJsonObject sharePointWrite;                     // SharePoint field → value
        QHash<QString, std::optional<QString>> rowWrite; // database column → input text
        QList<SyncConflict> conflicts;                   // MANUAL: queued
        QList<qint64> appliedConflicts;                  // decisions written (or settled) by this run
        QString error;
        // A LOOKUP or PERSON field that did not resolve (either way): that field waits in the retry queue
        // with this reason, keeping its agreed value; the row's other fields sync.
        QString referenceProblem;
        QJsonObject sharePointNow; // SharePoint's values of a merged pair, in the comparable form
        bool databaseDone = false;
        bool sharePointDone = false;
        bool rowGone = false; // the row was deleted in the database after the table was read: nothing written
        bool needsDatabase() const;
        bool needsSharePoint() const;
    };

    void runStep(RunPhase step);
    void nextStep();
    Result<void> prepare();
    void resolveList();
    void readColumns(const QString &listId);
    void awaitEarlierWrites(); // step Recovering: until writes of a run that ended without finishing can no longer land
    void report(RunPhase phase);
    void event(EventSeverity severity, const QString &type, const QString &message, const QJsonObject &payload = {});
    void fail(const Error &error);
    void finish(RunStatus status, const QString &message = {}, const std::optional<Error> &error = std::nullopt);
    void completed();
    qint64 ruSpentByThisRun() const;
    bool previewsAnEdit() const { return m_options.dryRun && m_options.definition.has_value(); }

    // twowayplan.cpp
    void readChanges();
    void readQueuedItems(std::shared_ptr<QList<RetryItem>> queued, int index);
    Result<QList<SourceRow>> readTable();
    Result<QJsonObject> databaseValues(const SourceRow &row) const;
    // `unresolved`: the LOOKUP and PERSON fields whose ids name no key or email (field → why); left out.
    Result<QJsonObject> sharePointValues(const QJsonObject &item, QHash<QString, QString> *unresolved) const;
    void mergeRow(RowPlan &plan, const QJsonObject &database, const QJsonObject &sharePoint, const QJsonObject &base,
        const QDateTime &databaseChangedAt, const QJsonObject &item);
    Result<void> planRowWrites(RowPlan &plan, const QJsonObject &values, bool toDatabase);
    bool holdBackDeletes();
    void dryRunOutcome(); // the plan as counts per action and preview rows: "match", "pull create", "push update", "conflict", …

    // twowaymatch.cpp
    Result<void> plan();
    std::optional<QString> itemIdentityHash(const QJsonObject &item, const QJsonObject &values) const;

    // twowayreferences.cpp: LOOKUP and PERSON mappings compared as the row holds them (keys, emails)
    void resolveItemReferences(std::function<void()> then);  // items' ids → keys and emails, as a pull does
    void resolveWriteReferences(std::function<void()> then); // keys and emails SharePoint is sent → ids, as a push does
    QList<FieldMapping> referenceMappings() const;
    QHash<QString, ColumnInfo> sourceColumns() const;

    // twowayeditors.cpp: each conflict's editor by name and email instead of a lookup id, then `then`
    void nameEditors(std::function<void()> then);
    void readEditorNames(const QStringList &ids, int index, std::shared_ptr<QHash<QString, QString>> names, std::function<void()> then);

    // twowaywrite.cpp
    void writeDatabase();
    void writeSharePoint();
    void commit();
    Result<void> queueItemFailure(const QString &itemId, const QString &error);
    Result<void> queueFailure(const RowIdentity &retry, const QString &error);
    RowIdentity itemRetryIdentity(const QString &itemId) const; // the retry queue's name of an item: list=…|item=…
    void countConflict(const QString &field, const RowPlan &plan, ConflictPolicy policy);

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
    qint64 m_startedMs = 0;

    SyncDefinition m_definition;
    TableInfo m_table;
    RowWriteTable m_writeTable;
    QTimeZone m_siteZone = QTimeZone::utc();
    std::unique_ptr<SourceReader> m_source;
    std::unique_ptr<GraphClient> m_graph;
    BatchWriter *m_writer = nullptr;
    QString m_siteId;
    QString m_listId;
    QString m_listName;
    QHash<QString, SharePointColumn> m_columns;
    QList<FieldMapping> m_mappings; // the synced mappings (system fields aside)

    // Pulling
    QHash<QString, QJsonObject> m_changedItems; // item id → the item as Graph returned it
    QSet<QString> m_deletedItems;
    QString m_deltaLink; // kept at the end of a run that applied everything it read
    bool m_fullEnumeration = false;
    QSet<QString> m_queuedItems; // item ids in the retry queue (written into the database before and failed)
    QSet<QString> m_queuedRows;  // identity hashes of rows in the retry queue (a reference their new item needs did not resolve)
    std::shared_ptr<ReferenceResolver> m_references;      // made once the site is known
    ResolvedReferences m_itemReferences;                  // the items read: lookup and person ids → keys and emails
    QHash<QString, QHash<QString, QString>> m_unresolved; // item id → its reference fields that did not resolve → why

    // Pushing
    QList<RowPlan> m_plans;
    QHash<QString, AgreedState> m_agreed;
    QHash<QString, QList<SyncConflict>> m_pendingConflicts; // by identity hash: open, and decided but not applied
    bool m_keepOldLink = false; // deletions held back: the next run reads them again

    SyncRun m_run;
    RunOutcome m_outcome;
    TwoWayCounts m_counts;
    MassDeleteApproval m_approveMassDelete;
    qint64 m_heldBackDeletes = 0;
    ServiceWait m_wait;
    std::unique_ptr<RunLease> m_lease;
    QTimer *m_leaseRenewal = nullptr;
    QTimer *m_settling = nullptr; // Recovering: waiting for an earlier run's writes
};

} // namespace SyncBridge
