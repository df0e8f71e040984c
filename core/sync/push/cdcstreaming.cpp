// PushRun, a continuous CDC run (RunOptions::cdcStreaming Follow or UntilIdle) and what a stream
// needs besides reading: when it ends, the heartbeat while the captured table is idle, the progress
// (lag, changes/s, queue), status updates while the writes wait, the slot told what was delivered
// when the run ends, and a TRUNCATE applied once the delete circuit breaker approves it.
//
// Backpressure needs no buffer of its own: a batch is read only after the one before it is
// delivered, so a run whose writes wait for the budget stops reading, and the slot holds the backlog.
#include "common/translations.h"
#include "sync/push/pushrun.h"

#include "common/logging.h"
#include "source/replication/cdcreader.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "sync/cdc/cdcchanges.h"
#include "sync/cdc/changerate.h"

#include <QCoreApplication>
#include <QTimer>

namespace SyncBridge {

namespace {
const QString cdcScope = QStringLiteral("cdc");
constexpr qint64 quietMs = 2000;       // UntilIdle: nothing arrived for this long after catching up
constexpr int keepAliveEveryMs = 2000; // checks; ReplicationStream sends a status update every 10 s
constexpr qint64 touchEveryMs = 10000;
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

bool PushRun::streamEnds() const
{
    if (!streamsContinuously())
        return false;
    switch (m_options.cdcStreaming) {
    case RunOptions::CdcStreaming::Follow:
        return m_options.followSeconds > 0 && nowMs() - m_startedMs >= qint64(m_options.followSeconds) * 1000;
    case RunOptions::CdcStreaming::UntilIdle:
        // Caught up with what the server had when the run began, then reads that found nothing for a
        // while (not merely long since the last change: a budget wait is not quiet, the slot may hold a backlog).
        return m_cdcQuietSinceMs > 0 && m_cdc->drained() && m_cdc->caughtUp() && m_cdcQueued == 0 && nowMs() - m_cdcQuietSinceMs >= quietMs;
    case RunOptions::CdcStreaming::Drain:
        break;
    }
    return false;
}

void PushRun::beginStream()
{
    m_cdcLastArrivalMs = nowMs(); // the quiet period and the heartbeat count from the stream's start
    m_cdcLastHeartbeatMs = m_cdcLastArrivalMs;
    m_cdcRate = std::make_unique<ChangeRate>();
    m_cdcKeepAlive = new QTimer(this);
    m_cdcKeepAlive->setInterval(keepAliveEveryMs);
    connect(m_cdcKeepAlive, &QTimer::timeout, this, [this]() {
        // A broken connection is reported by the next read.
        if (m_cdc && !m_cdc->loading())
            static_cast<void>(m_cdc->keepAlive());
    });
    m_cdcKeepAlive->start();
}

void PushRun::streamIdle()
{
    if (m_cdcQuietSinceMs == 0)
        m_cdcQuietSinceMs = nowMs();
    // A keepalive answers with the server's WAL end: with nothing of ours pending, the slot confirms it.
    if (auto asked = m_cdc->askPosition(); !asked) {
        fail(asked.error());
        return;
    }
    const qint64 now = nowMs();
    // Caught up: the position is stamped again now and then, the slot guardian's lag in time.
    if (now - m_cdcLastTouchMs >= touchEveryMs) {
        m_cdcLastTouchMs = now;
        if (auto touched = touchCdcPosition(); !touched) {
            fail(touched.error());
            return;
        }
    }
    const qint64 interval = qint64(qMax(1, m_options.heartbeatSeconds)) * 1000;
    if (m_cdcHeartbeats && now - m_cdcLastArrivalMs >= interval && now - m_cdcLastHeartbeatMs >= interval) {
        m_cdcLastHeartbeatMs = now;
        if (auto sent = m_cdc->heartbeat(); !sent) {
            m_cdcHeartbeats = false;
            event(EventSeverity::Warning, QStringLiteral("cdc-heartbeat-refused"),
                QCoreApplication::translate("SyncBridge::Sync",
                    "PostgreSQL refused the replication heartbeat (pg_logical_emit_message); the run goes on without it, and "
                    "while the table is idle the slot may hold WAL written to other tables: %1")
                    .arg(sent.error().message()));
        }
    }
    report(RunPhase::Pushing);
    QMetaObject::invokeMethod(this, &PushRun::readNextPage, Qt::QueuedConnection);
}

void PushRun::delivered()
{
    if (m_cdcQueued == 0)
        return;
    if (m_cdcRate)
        m_cdcRate->add(nowMs(), m_cdcQueued);
    m_cdcDelivered += m_cdcQueued;
    m_cdcQueued = 0;
    m_cdcOldestQueued = {};
    if (streamsContinuously())
        report(RunPhase::Pushing); // the stream's progress after each delivered batch
}

std::optional<StreamProgress> PushRun::streamProgress() const
{
    if (!streamsContinuously() || !m_cdc || m_cdc->loading())
        return std::nullopt;
    StreamProgress progress;
    auto saved = LedgerRepository(*m_store).cursor(m_definitionId, cdcScope);
    const std::optional<Lsn> at = saved && saved->has_value() ? Lsn::parse((*saved)->position) : std::nullopt;
    if (at && m_cdc->serverWalEnd() > *at)
        progress.lagBytes = qint64(m_cdc->serverWalEnd().value - at->value);
    if (m_cdcOldestQueued.isValid())
        progress.lagSeconds = qMax<qint64>(0, m_cdcOldestQueued.msecsTo(QDateTime::currentDateTimeUtc())) / 1000.0;
    progress.changesPerSecond = m_cdcRate ? m_cdcRate->perSecond(nowMs()) : 0;
    progress.queued = m_cdcQueued;
    progress.delivered = m_cdcDelivered;
    return progress;
}

void PushRun::truncateCdc()
{
    auto items = LedgerRepository(*m_store).entries(m_definitionId);
    if (!items) {
        fail(items.error());
        return;
    }
    QStringList lists;
    for (const ResolvedTarget &target : std::as_const(m_targets))
        lists << target.target.listName;
    const MassDeleteCheck check{lists.join(QStringLiteral(", ")), items->size(), items->size(), m_definition.maxDeleteShare};
    // The same approval as a mass delete (--allow-mass-delete, the window's confirmation).
    if (!items->isEmpty() && !(m_approveMassDelete && m_approveMassDelete(check))) {
        m_heldBackDeletes += items->size();
        event(EventSeverity::Warning, QStringLiteral("deletes-held-back"),
            QCoreApplication::translate("SyncBridge::Sync",
                "The table %1.%2 was truncated. Its %n item(s) are not deleted: the circuit breaker holds the truncate back, and the "
                "stream stops before it. Check the source, then confirm the deletions (syncbridge-cli run --allow-mass-delete).",
                nullptr, pluralCount(items->size()))
                .arg(m_table.schema, m_table.name));
        m_cdcTruncate.reset(); // the next run reads it again: the position stays before it
        nextStep();
        return;
    }
    event(EventSeverity::Warning, QStringLiteral("cdc-truncate-applied"),
        QCoreApplication::translate(
            "SyncBridge::Sync", "The table %1.%2 was truncated: deleting its %n item(s), as approved.", nullptr, pluralCount(items->size()))
            .arg(m_table.schema, m_table.name));
    deleteTruncated(std::make_shared<QList<LedgerEntry>>(std::move(*items)));
}

void PushRun::deleteTruncated(std::shared_ptr<QList<LedgerEntry>> left)
{
    if (m_cancelled) { // the position stays before the TRUNCATE: the next run deletes what is left
        finish(RunStatus::Cancelled);
        return;
    }
    if (!left->isEmpty()) {
        const QList<LedgerEntry> chunk = left->mid(0, m_options.pageSize);
        left->remove(0, chunk.size());
        deleteCdcItems(chunk, [this, left]() { deleteTruncated(left); });
        return;
    }
    // The transaction's changes after its last TRUNCATE (rows inserted again) are its state.
    const CdcTransaction transaction = *m_cdcTruncate;
    m_cdcTruncate.reset();
    QList<CdcChange> after;
    for (const CdcChange &change : transaction.changes) {
        if (change.kind == CdcChange::Kind::Truncate)
            after.clear();
        else
            after << change;
    }
    m_cdcQueued = after.size();
    deliverCdc(after, transaction.commitEnd.toString());
}

void PushRun::closeCdc()
{
    if (m_cdcKeepAlive)
        m_cdcKeepAlive->stop();
    if (!m_cdc)
        return;
    // Whatever ended the run, what was delivered is confirmed before the stream closes.
    if (!m_cdc->loading()) {
        auto saved = LedgerRepository(*m_store).cursor(m_definitionId, cdcScope);
        if (saved && saved->has_value()) {
            if (const auto lsn = Lsn::parse((*saved)->position)) {
                if (auto confirmed = m_cdc->confirm(*lsn); !confirmed)
                    qCWarning(lcSync).noquote() << "cannot confirm the delivered position to the slot:" << confirmed.error().toString();
            }
        }
    }
    m_cdc.reset(); // the slot is free again (cdc drop-slot, the next run)
}

} // namespace SyncBridge
