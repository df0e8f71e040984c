// DriftCheck: how a check is kept in run history — a run of type DRIFT with its per-list counts, its
// schema findings and what it found as events, or its failure. Reading and classifying: driftcheck.cpp.
#include "common/translations.h"
#include "drift/driftcheck.h"

#include "common/logging.h"
#include "drift/drifttablereader.h"
#include "graph/graphclient.h"
#include "store/runrepository.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <climits>

namespace SyncBridge {

Result<void> DriftCheck::record()
{
    RunRepository runs(*m_store, m_clock);
    RunRepository::ListCounts counts;
    for (auto list = m_report.lists.constBegin(); list != m_report.lists.constEnd(); ++list) {
        QMap<QString, qint64> &row = counts[list.key()];
        row.insert(QStringLiteral("source"), list->sourceRows);
        row.insert(QStringLiteral("items"), list->items);
        row.insert(QStringLiteral("ledger"), list->ledgerEntries);
        for (const DriftClass driftClass : allDriftClasses)
            row.insert(driftClassId(driftClass), list->classes.value(driftClass));
    }
    if (auto saved = runs.saveListCounts(m_runId, counts); !saved)
        return saved;
    if (!m_report.schema.isEmpty()) {
        RunEvent schema;
        schema.runId = m_runId;
        schema.severity = hasBlocking(m_report.schema) ? EventSeverity::Error : EventSeverity::Warning;
        schema.type = QStringLiteral("schema-drift");
        schema.message = QCoreApplication::translate(
            "SyncBridge::Drift", "%n schema change(s) the mappings do not follow.", nullptr, int(m_report.schema.size()));
        QJsonArray findings;
        for (const SchemaFinding &finding : std::as_const(m_report.schema))
            findings.append(schemaFindingJson(finding));
        schema.payload = QJsonObject{{QStringLiteral("findings"), findings}};
        if (auto added = runs.addEvent(schema); !added)
            return added.error();
    }
    const qint64 differences = m_report.differences();
    RunEvent event;
    event.runId = m_runId;
    event.severity = differences > 0 ? EventSeverity::Warning : EventSeverity::Info;
    event.type = differences > 0 ? QStringLiteral("drift-found") : QStringLiteral("in-sync");
    event.message = differences > 0 ? QCoreApplication::translate("SyncBridge::Drift",
                                          "%n difference(s) between the table and its lists: ", nullptr, pluralCount(differences))
            + driftTotalsText(m_report)
                                    : QCoreApplication::translate("SyncBridge::Drift", "The table and its lists are in sync (%n row(s)).",
                                        nullptr, pluralCount(m_report.sourceRows));
    QJsonObject totals;
    for (const DriftClass driftClass : allDriftClasses)
        totals.insert(driftClassId(driftClass), m_report.totals.value(driftClass));
    event.payload = QJsonObject{{QStringLiteral("totals"), totals}, {QStringLiteral("itemsReadSingly"), m_report.itemsReadSingly},
        {QStringLiteral("unplannedRows"), m_report.unplannedRows}};
    if (auto added = runs.addEvent(event); !added)
        return added.error();
    auto run = runs.run(m_runId);
    if (!run)
        return run.error();
    run->status = RunStatus::Succeeded;
    run->finishedAt = m_clock.nowUtc();
    run->counters.rowsRead = m_report.sourceRows;
    run->counters.skipped = m_report.totals.value(DriftClass::InSync);
    run->counters.ruSpent = m_report.ruSpent;
    run->message = event.message;
    return runs.updateRun(*run);
}

void DriftCheck::fail(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    m_error = error;
    // The other side of the reading stops too: nothing waits for it now.
    m_resumeList = nullptr;
    if (m_tableReader)
        m_tableReader->cancel();
    if (m_graph)
        m_graph->cancel();
    if (m_runId > 0) {
        RunRepository runs(*m_store, m_clock);
        if (auto run = runs.run(m_runId)) {
            run->status = error.code() == ErrorCode::Cancelled ? RunStatus::Cancelled : RunStatus::Failed;
            run->finishedAt = m_clock.nowUtc();
            run->message = error.message();
            run->counters.ruSpent = ruSpent();
            if (auto updated = runs.updateRun(*run); !updated)
                qCWarning(lcSync).noquote() << "cannot record the drift check's failure:" << updated.error().toString();
        }
    }
    emit finished();
}

} // namespace SyncBridge
