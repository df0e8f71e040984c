#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "drift/driftclassifier.h"
#include "drift/driftreport.h"
#include "model/catalog.h"
#include "sync/push/planner.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace SyncBridge {

class GraphClient;
class DriftReferences;
class DriftTableReader;
class Governor;
class MetaStore;
class SecretStore;
class SourceReader;
struct SourceRow;
struct SharePointConnection;

// A read-only comparison of a definition's table with its lists (docs/drift.md), on the calling
// thread's event loop like a run: the source is read in key order with COPY and planned as a push
// would (mapping, routing, serialization) on a thread of its own (DriftTableReader), while every list
// is read paged with $select of the mapped columns and SyncBridgeKey through the tenant's governor
// on this one; each row and item is classified as it comes. The check is recorded in run history
// (type DRIFT) with its per-list counts, so checks have a history.
class DriftCheck : public QObject
{
    Q_OBJECT

public:
    using GovernorSource = std::function<std::shared_ptr<Governor>(const SharePointConnection &connection)>;

    DriftCheck(std::shared_ptr<MetaStore> store, SecretStore &secrets, GovernorSource governors, qint64 definitionId,
        const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~DriftCheck() override;

    // A repair checks first and records itself: its check is not a run of its own.
    void setRecorded(bool recorded) { m_recorded = recorded; }
    // Reads the whole table before the first list, as checks did before they read both at once:
    // for comparisons (bench_drift), not for use.
    void setTableReadFirst(bool first) { m_tableReadFirst = first; }
    void start();
    // Ends every wait of the check's Graph calls at once; `finished` follows with a Cancelled error.
    void cancel();

    // After `finished`: the report, or why there is none.
    const DriftReport &report() const { return m_report; }
    const std::optional<Error> &error() const { return m_error; }
    const QString &siteId() const { return m_siteId; }

    // The lists' page size of item reads (Graph's largest is 5,000 for lists).
    static constexpr int itemPageSize = 5000;
    static constexpr int ledgerPageSize = 5000;
    // Items held whole while their rows are still to be read: the lists' reading rests above this
    // until the table's reading catches up (a list read in another order than the table's keys).
    static constexpr int maxItemsAwaitingRows = 50000;

signals:
    void progress(const QString &step, qint64 rowsRead, qint64 itemsRead);
    void finished();

private:
    Result<void> prepare();
    void resolveSite();
    void resolveList(int index);
    Result<void> openSource();
    Result<void> forEachRow(const std::function<void(const SourceRow &)> &visit);
    // The ids a push would resolve LOOKUP and PERSON references to, read before the table.
    void loadReferences();
    void startReading();
    void tableRead(const Result<void> &read);
    // A page of the ledger at a time, each in an event of its own, so the lists' answers go on
    // being taken while it is read.
    void readLedger(const QString &after);
    void readList(int index);
    void resumeList();
    void rereadSingly(int listIndex, std::shared_ptr<QList<ListedItem>> pending);
    void completeWhenRead();
    void complete();
    Result<void> completeDetails(const DriftDetailsNeeded &needed);
    // Schema drift: the live columns (the table's, and the lists' just read) against the mappings and
    // the catalog's last reading of them.
    void compareSchemas();
    void completeSchemaOnly(const Error &notCompared);
    Result<void> record();
    void fail(const Error &error);
    qint64 ruSpent() const;
    QStringList selectedFields(int listIndex) const;
    bool mayLackLookups(int listIndex, const ListedItem &item) const;

    std::shared_ptr<MetaStore> m_store;
    SecretStore &m_secrets;
    GovernorSource m_governors;
    qint64 m_definitionId;
    const Clock &m_clock;
    bool m_recorded = true;
    bool m_tableReadFirst = false;
    bool m_cancelled = false;
    bool m_done = false;
    bool m_tableRead = false;
    bool m_ledgerRead = false;
    bool m_listsRead = false;
    qint64 m_startedMs = 0;
    qint64 m_ruAtStart = 0;

    SyncDefinition m_definition;
    Database m_database;
    TableInfo m_table;
    std::unique_ptr<SourceReader> m_source;
    std::unique_ptr<DriftTableReader> m_tableReader;
    std::shared_ptr<const DriftReferences> m_references;
    std::function<void()> m_resumeList; // the list's reading, resting until rows catch up
    std::shared_ptr<Governor> m_governor;
    std::unique_ptr<GraphClient> m_graph;
    QString m_siteId;
    QList<ResolvedTarget> m_targets;
    PlanContext m_context;
    QList<QSet<QString>> m_fieldsOfList; // per target: the fields a push writes there (selected when reading)
    QList<bool> m_omitsLookups;          // per target: more lookup columns than a collection read returns
    std::unique_ptr<DriftClassifier> m_classifier;
    qint64 m_runId = 0;
    DriftReport m_report;
    std::optional<Error> m_error;
};

} // namespace SyncBridge
