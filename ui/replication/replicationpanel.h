#pragma once

#include "appcontext.h"

#include "sync/cdc/slotguard.h"

#include <QWidget>

#include <optional>

class QFormLayout;
class QLabel;
class QPushButton;

namespace SyncBridge {

// The editor's Replication tab of a CDC definition: the slot guardian's view (docs/sync-engine.md,
// "The slot guardian") — the slot, its publication, whether a run streams from it, its lag in bytes
// and in time, wal_status and safe_wal_size, with a banner saying what a warning means and what to do.
// Refresh reads on the store's worker; Drop slot and publication… and Re-snapshot… ask first.
class ReplicationPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ReplicationPanel(AppContext context, QWidget *parent = nullptr);

    void setDefinition(qint64 definitionId, const QString &name);
    // Shows a reading (what Refresh does when it comes back; tests and the screenshot feed one).
    void showReading(const SlotReading &reading);

    QPushButton *refreshButton() const { return m_refresh; }
    QPushButton *dropButton() const { return m_drop; }
    QPushButton *resnapshotButton() const { return m_resnapshot; }
    QLabel *banner() const { return m_banner; }
    QLabel *status() const { return m_status; }
    std::optional<SlotSeverity> severity() const { return m_severity; }

public slots:
    void refresh();

signals:
    // After each reading: the editor badges the tab, the overview its card.
    void severityChanged(qint64 definitionId, SyncBridge::SlotSeverity severity);

private:
    void showError(const QString &message);
    void askToDrop();
    void askToResnapshot();
    void setBusy(bool busy);

    AppContext m_context;
    qint64 m_definitionId = 0;
    QString m_name;
    std::optional<SlotSeverity> m_severity;
    bool m_busy = false;
    QLabel *m_banner;
    QLabel *m_slot;
    QLabel *m_publication;
    QLabel *m_active;
    QLabel *m_lagBytes;
    QLabel *m_lagTime;
    QLabel *m_walStatus;
    QLabel *m_safeWalSize;
    QLabel *m_status;
    QPushButton *m_refresh;
    QPushButton *m_drop;
    QPushButton *m_resnapshot;
};

} // namespace SyncBridge
