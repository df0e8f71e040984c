#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "drift/driftreport.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

namespace SyncBridge {

class DriftCheckRunner;
class GovernorRegistry;
class MetaStore;
class SecretStore;
class StoreThread;
struct DriftCheckSchedule;

// Scheduled drift checks inside an agent (the headless `agent` and the tray's; docs/drift.md,
// "Scheduled checks"): every enabled definition whose schedule names drift-check times is checked
// at them, in the schedule's zone, read-only, one check at a time. Each occurrence is claimed in
// the store first, so a team of agents checks it once. Occurrences missed while no agent ran are
// not caught up: a check reads how things are now, and the next one tells the same. A check that
// finds differences or fails is announced, and so is the first check in sync after one that was not.
class DriftWatch : public QObject
{
    Q_OBJECT

public:
    DriftWatch(std::shared_ptr<MetaStore> store, SecretStore &secrets, GovernorRegistry &governors, QString agentName,
        const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~DriftWatch() override;

    // Reads the schedules now and then every pollInterval (a definition saved with new times is
    // followed within it); checks when an occurrence is due.
    void start(int pollIntervalMs = 30000);
    // Cancels the check under way (recorded as cancelled) and starts no other.
    void stop();
    bool isChecking() const;

signals:
    void checked(qint64 definitionId, const QString &name, const SyncBridge::DriftReport &report);
    void driftFound(qint64 definitionId, const QString &name, const SyncBridge::DriftReport &report);
    void recovered(qint64 definitionId, const QString &name);
    void failed(qint64 definitionId, const QString &name, const SyncBridge::Error &error);

private:
    struct Due {
        qint64 definitionId = 0;
        QString name;
        QDateTime occurrence;
    };
    void poll();
    void schedulesRead(const QList<DriftCheckSchedule> &schedules);
    void claimed(const Due &due);
    void checkNext();
    void onChecked(const DriftReport &report, const std::optional<Error> &error);

    std::shared_ptr<MetaStore> m_store;
    QString m_agentName;
    const Clock &m_clock;
    std::unique_ptr<StoreThread> m_thread;
    DriftCheckRunner *m_runner;
    QTimer m_poll;
    bool m_polling = false;
    bool m_stopped = false;
    QHash<qint64, QDateTime> m_next;    // per definition: its next occurrence as last computed
    QHash<qint64, QString> m_cronOf;    // the times m_next was computed from ("cron|zone")
    QHash<qint64, bool> m_lastHadDrift; // for "recovered"
    QList<Due> m_queue;
    std::optional<Due> m_current;
};

} // namespace SyncBridge
