#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "graph/servicewait.h"
#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"
#include "model/runtime.h"
#include "source/rowwrites.h"
#include "store/dueretrypages.h"
#include "sync/identity.h"
#include "sync/references/referenceresolver.h"
#include "sync/runphase.h"
#include "sync/syncjob.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

#include <functional>
#include <memory>

class QTimer;

namespace SyncBridge {

class GraphClient;
class Governor;
class MetaStore;
class RunLease;
class SecretStore;
class SourceReader;
struct PreviewRow;
struct SharePointConnection;

// One pull run of one definition (SharePoint → PostgreSQL), on the calling thread's event loop. Steps:
// Connecting → Resolving → Retrying → Pulling. Each list is read through its Graph delta feed from
// the link the last run kept (none: every item), page by page; each page is written into the table in
// one transaction (source/rowwriter), only the columns the pull owns (mappings not PUSH_ONLY); the
// ledger links item and row. A round's deltaLink is kept only once its last page and its deletes are
// written, so a crash re-reads the round and re-applies it (writes are idempotent; rows an unfinished
// page inserted are found again through their pending ledger entries). The steps' files: pullrun.cpp
// (steps, connecting, resolving, finishing), pullpage.cpp (reading and writing pages, retries),
// pulldeletes.cpp (items deleted in SharePoint, behind the circuit breaker).
class PullRun : public SyncJob
{
    Q_OBJECT

public:
    using GovernorSource = std::function<std::shared_ptr<Governor>(const SharePointConnection &connection)>;

    PullRun(std::shared_ptr<MetaStore> store, SecretStore &secrets, GovernorSource governors, qint64 definitionId, RunOptions options = {},
        const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~PullRun() override;

    void start() override;
    void cancel() override;
    void setMassDeleteApproval(MassDeleteApproval approve) override { m_approveMassDelete = std::move(approve); }

private:
    struct PulledList {
        QString name;
        QString listId;
        QHash<QString, SharePointColumn> columns;
    };
    // What one item becomes before the page is written.
    struct ItemPlan {
        QString itemId;
        std::optional<LedgerEntry> ledger;
        QJsonObject pulled; // source column → SharePoint value: the content hash's input
        QString contentHash;
        RowWrite write;
        QString error;     // set: the item fails with it
        bool skip = false; // the ledger holds this content already
    };
    // The round of one list being read.
    struct Round {
        int list = -1;
        bool fullEnumeration = false;
        QSet<QString> seen;     // full enumeration: every item id read (the rest of the ledger's items are gone)
        QStringList deletedIds; // the deleted facet's ids, applied when the round ends
    };

    void runStep(RunPhase step);
    void nextStep();
    Result<void> prepare();
    Result<void> checkMappings() const;
    Result<void> checkGoneColumn() const; // delete policy MARK: the table's syncbridge_gone column
    void resolveLists(int index);
    void report(RunPhase phase);
    void event(EventSeverity severity, const QString &type, const QString &message, const QJsonObject &payload = {});
    void fail(const Error &error);
    void finish(RunStatus status, const QString &message = {}, const std::optional<Error> &error = std::nullopt);
    void completed();
    qint64 ruSpentByThisRun() const;
    bool previewsAnEdit() const { return m_options.dryRun && m_options.definition.has_value(); }

    // pullpage.cpp
    void retryDueItems();
    void retryNext(std::shared_ptr<QList<RetryItem>> due, int index);
    void pullList(int index);
    void readPage(const QString &url);
    void completeFields(std::shared_ptr<QList<QJsonObject>> items, int index, std::function<void()> then);
    // Resolves the items' lookups and people (ReferenceResolver), then applies them.
    void applyWithReferences(int listIndex, const QList<QJsonObject> &items, std::function<void(Result<void>)> done);
    Result<void> applyItems(int listIndex, const QList<QJsonObject> &items, const ResolvedReferences &references);
    RowIdentity retryIdentity(const QString &listId, const QString &itemId) const;
    Result<void> refuseSharedKeys(const PulledList &list, QList<ItemPlan> &plans) const;
    QString sharedKeyError(const ItemPlan &plan, const QString &otherItem) const;
    Result<void> queueFailure(int listIndex, const QString &itemId, const QString &error); // counted, queued, an event
    // A dry run: what the page's writes did in the database before they were rolled back, per list and
    // action, named as a two-way plan names the database's side ("pull create", …).
    void countPlanned(
        const PulledList &list, const QList<ItemPlan> &plans, const QList<int> &written, const QList<RowWriteResult> &results);
    // One planned row: counted per list and action, and kept for the preview (the row, or nullptr
    // beyond RunOptions::previewRows). An update compared with the row shows only what it changes.
    void planned(const PulledList &list, const QString &action, const ItemPlan &plan, const QString &error = {},
        const RowWriteResult *result = nullptr);
    PreviewRow *planned(const PulledList &list, const QString &action, const QString &identity, const QString &itemId,
        const QJsonObject &fields = {}, const QString &error = {});
    // pulldeletes.cpp
    void endRound(const QString &deltaLink);
    Result<bool> applyDeletes(); // false: the breaker held the deletions back
    Result<void> deleteRows(int listIndex, const QList<LedgerEntry> &gone);
    void countPlannedDeletes(const PulledList &list, const QList<LedgerEntry> &gone, const QList<RowWriteResult> &results);

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
    QList<FieldMapping> m_pulled; // the mappings the pull owns (not PUSH_ONLY)
    QTimeZone m_siteZone = QTimeZone::utc();
    std::unique_ptr<SourceReader> m_source;
    std::unique_ptr<GraphClient> m_graph;
    QString m_siteId;
    QList<PulledList> m_lists;
    std::shared_ptr<ReferenceResolver> m_references; // made once the site is known
    Round m_round;
    QSet<QString> m_queued;   // identity hashes in the retry queue when the run began
    QSet<QString> m_plannedItems; // a dry run: the items planned so far
    DueRetryPages m_dueRetries; // Retrying takes the retries due when it began, a page at a time
    SyncRun m_run;
    RunOutcome m_outcome;
    MassDeleteApproval m_approveMassDelete;
    qint64 m_heldBackDeletes = 0;
    qint64 m_rowsWaiting = 0;
    QDateTime m_nextRetryAt;
    ServiceWait m_wait;
    std::unique_ptr<RunLease> m_lease;
    QTimer *m_leaseRenewal = nullptr;
};

} // namespace SyncBridge
