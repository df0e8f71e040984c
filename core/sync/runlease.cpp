#include "sync/runlease.h"

#include "common/logging.h"
#include "store/leaserepository.h"
#include "sync/interruptedruns.h"

#include <QCoreApplication>
#include <QTimer>
#include <QUuid>

namespace SyncBridge {
namespace {

QString timeText(const QDateTime &at)
{
    return at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

RunLease::RunLease(MetaStore &store, qint64 definitionId, QString token, const Clock &clock, qint64 ttlMs, QDateTime earlierWritesLandBy)
    : m_store(store)
    , m_definitionId(definitionId)
    , m_token(std::move(token))
    , m_clock(clock)
    , m_ttlMs(ttlMs)
    , m_earlierWritesLandBy(std::move(earlierWritesLandBy))
{
}

RunLease::~RunLease()
{
    release();
}

Result<std::unique_ptr<RunLease>> RunLease::acquire(MetaStore &store, qint64 definitionId, const Clock &clock, qint64 ttlMs)
{
    LeaseRepository leases(store);
    auto before = leases.holder(definitionId);
    if (!before)
        return before.error();
    const QDateTime now = clock.nowUtc();
    // A holder whose process is gone need not be waited for until its lease runs out.
    const QString dead = *before && agentHasEnded((*before)->agent) ? (*before)->token : QString();
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto held = leases.acquire(definitionId, token, thisAgent(), now, ttlMs, dead);
    if (!held)
        return held.error();
    if (held->token != token)
        return Error(ErrorCode::Busy,
            QCoreApplication::translate("SyncBridge::Sync",
                "This definition is running on %1 since %2 UTC; its run must end (or stop renewing its lease for a minute) before "
                "another can start.")
                .arg(agentText(held->agent), timeText(held->acquiredAt)));
    std::unique_ptr<RunLease> lease(new RunLease(store, definitionId, token, clock, ttlMs, held->writesLandBy));
    if (*before && (*before)->runId > 0) {
        const RunLeaseHolder &previous = **before;
        const QString why = dead.isEmpty()
            ? QCoreApplication::translate("SyncBridge::Sync",
                "Interrupted: %1 stopped renewing its lease (it ran out at %2 UTC); another run took the definition over. What it "
                "committed is kept; the next run resolves its unconfirmed writes.")
                  .arg(agentText(previous.agent), timeText(previous.expiresAt))
            : QCoreApplication::translate("SyncBridge::Sync",
                "Interrupted: the process %1 ended before the run finished; noticed at %2 UTC. What it committed is kept; the "
                "next run resolves its unconfirmed writes.")
                  .arg(agentText(previous.agent), timeText(now));
        if (auto marked = markRunInterrupted(store, previous.runId, why, clock); !marked)
            return marked.error();
    }
    return lease;
}

Result<void> RunLease::renew()
{
    auto renewed = LeaseRepository(m_store).renew(m_definitionId, m_token, m_clock.nowUtc(), m_ttlMs);
    if (!renewed)
        return renewed.error();
    if (!*renewed)
        return Error(ErrorCode::Busy,
            QCoreApplication::translate("SyncBridge::Sync",
                "The run lost its lease on the definition (it could not renew it in time and another run took over); it stopped "
                "writing. What it committed is kept."));
    return m_writesLandWithinMs > 0 ? recordWritesLandBy() : success();
}

Result<void> RunLease::writesSent(qint64 landsWithinMs)
{
    m_writesLandWithinMs = qMax<qint64>(1, landsWithinMs);
    return recordWritesLandBy();
}

Result<void> RunLease::writesAnswered()
{
    m_writesLandWithinMs = 0;
    return recordWritesLandBy();
}

Result<void> RunLease::recordWritesLandBy()
{
    // Stamped when the writes start and at every renewal while they go on, each stamp covering what is
    // sent until the next renewal: a process that dies between two stamps sent nothing the last one
    // does not cover. An earlier holder's writes still on their way are kept, never shortened.
    const QDateTime now = m_clock.nowUtc();
    QDateTime landBy = m_writesLandWithinMs > 0 ? now.addMSecs(renewIntervalMs() + m_writesLandWithinMs) : QDateTime();
    if (m_earlierWritesLandBy.isValid() && m_earlierWritesLandBy > now && (!landBy.isValid() || m_earlierWritesLandBy > landBy))
        landBy = m_earlierWritesLandBy;
    return LeaseRepository(m_store).setWritesLandBy(m_definitionId, m_token, landBy);
}

void RunLease::attachRun(qint64 runId)
{
    if (auto attached = LeaseRepository(m_store).setRun(m_definitionId, m_token, runId); !attached)
        qCWarning(lcSync).noquote() << "cannot record the run on its lease:" << attached.error().toString();
}

void RunLease::release()
{
    if (m_released)
        return;
    m_released = true;
    // Writes cancelled before their answers came may still land: the lease stays (expired, of no run)
    // until they can no longer, so the next run waits for them.
    if (m_writesLandWithinMs > 0) {
        if (auto recorded = recordWritesLandBy(); !recorded)
            qCWarning(lcSync).noquote() << "cannot record until when the run's writes may land:" << recorded.error().toString();
    }
    if (auto released = LeaseRepository(m_store).release(m_definitionId, m_token, m_clock.nowUtc()); !released)
        qCWarning(lcSync).noquote() << "cannot give the lease back (it runs out by itself):" << released.error().toString();
}

QTimer *keepRenewing(QObject *owner, RunLease &lease, std::function<void(const Error &)> lost)
{
    auto *timer = new QTimer(owner);
    timer->setInterval(int(lease.renewIntervalMs()));
    QObject::connect(timer, &QTimer::timeout, owner, [&lease, lost = std::move(lost)]() {
        if (auto renewed = lease.renew(); !renewed)
            lost(renewed.error());
    });
    timer->start();
    return timer;
}

} // namespace SyncBridge
