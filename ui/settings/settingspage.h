#pragma once

#include "navigationpage.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace SyncBridge {

// The Settings page: the settings UiSettings declares with a label (uisettings.cpp), each applied as
// soon as it is changed. "Start at login" writes or removes the XDG autostart entry (autostart.h).
class SettingsPage : public QWidget, public NavigationPage
{
    Q_OBJECT

public:
    explicit SettingsPage(QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    QWidget *widget() override { return this; }
    void activated() override;

    QCheckBox *keepRunningInTrayCheck() const { return m_keepRunningInTray; }
    QCheckBox *startAtLoginCheck() const { return m_startAtLogin; }
    QCheckBox *runSchedulesCheck() const { return m_runSchedules; }
    QLineEdit *agentNameEdit() const { return m_agentName; }
    QCheckBox *notificationsCheck() const { return m_notifications; }
    QLabel *message() const { return m_message; }

signals:
    // A setting changed (its key): the tray and the agent follow it.
    void changed(const QString &key);

private:
    void showStored();

    QCheckBox *m_keepRunningInTray;
    QCheckBox *m_startAtLogin;
    QCheckBox *m_runSchedules;
    QLineEdit *m_agentName;
    QCheckBox *m_notifications;
    QLabel *m_message;
};

} // namespace SyncBridge
