#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "drift/driftreport.h"
#include "graph/batchwriter.h"
#include "model/definition.h"
#include "sync/syncjob.h"

#include <QSet>

#include <functional>
#include <memory>

class QTimer;

namespace SyncBridge {

class DriftCheck;
class GraphClient;
class Governor;
class MetaStore;
class RunLease;
class SecretStore;
struct SharePointConnection;

// A drift repair (docs/drift.md) as a run, behind SyncJob like PushRun and PullRun: it takes the
// definition's run lease, checks (DriftCheck, not recorded on its own), then for the chosen classes
// creates missing items ('+'), writes only the differing fields ('*'), moves wrong-list items ('>'),
// deletes orphans ('-') and duplicates ('!') behind the delete circuit breaker, and adopts items the
// ledger does not name (records them, no write). Items without SyncBridgeKey ('?') are never touched.
// Recorded as a run of type REPAIR; with RunOptions::dryRun it writes nothing and its outcome's
// preview lists every action (recorded as a DRY_RUN).
class RepairRun : public SyncJob
{
    Q_OBJECT

public:
    using GovernorSource = std::function<std::shared_ptr<Governor>(const SharePointConnection &connection)>;

    RepairRun(std::shared_ptr<MetaStore> store, SecretStore &secrets, GovernorSource governors, qint64 definitionId, RunOptions options,
        const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~RepairRun() override;

    void start() override;
    void cancel() override;
    void setMassDeleteApproval(MassDeleteApproval approve) override { m_approve = std::move(approve); }

    // The check the repair is based on (valid after the run checked).
    const DriftReport &report() const { return m_report; }

    // The default when RunOptions::repairClasses is empty: every class a repair can fix.
    static QString repairableClasses() { return QStringLiteral("+*->!"); }

private:
    struct Write {
        DriftEntry entry;
        ItemOperation operation;
    };

    Result<void> prepare();
    void checked();
    void plan();
    void holdBackMassDeletes();
    void previewPlan();
    Result<void> adopt();
    void writeNext();
    void deleteNext();
    void finishRepair();
    bool repairs(DriftClass driftClass) const;
    void fail(const Error &error);
    void finish(RunStatus status, const QString &message, const std::optional<Error> &error = std::nullopt);
    void event(EventSeverity severity, const QString &type, const QString &message, const QJsonObject &payload = {});
    void report(RunPhase phase);
    qint64 ruSpent() const;

    std::shared_ptr<MetaStore> m_store;
    SecretStore &m_secrets;
    GovernorSource m_governors;
    qint64 m_definitionId;
    RunOptions m_options;
    const Clock &m_clock;
    MassDeleteApproval m_approve;
    bool m_cancelled = false;
    bool m_done = false;

    SyncDefinition m_definition;
    SyncRun m_run;
    RunOutcome m_outcome;
    std::unique_ptr<RunLease> m_lease;
    QTimer *m_leaseRenewal = nullptr;
    DriftCheck *m_check = nullptr;
    DriftReport m_report;
    std::shared_ptr<Governor> m_governor;
    qint64 m_ruAtStart = 0;
    std::unique_ptr<GraphClient> m_graph;
    std::unique_ptr<BatchWriter> m_writer;
    QList<Write> m_writes;  // creates, updates and the new items of moves
    QList<Write> m_deletes; // orphans, duplicates, and (added once their new item exists) the old items of moves
    QList<DriftEntry> m_adoptions;
    qint64 m_adopted = 0;
    qint64 m_failed = 0;
};

} // namespace SyncBridge
