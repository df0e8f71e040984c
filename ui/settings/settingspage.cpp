#include "settings/settingspage.h"

#include "common/uisettings.h"
#include "settings/autostart.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSysInfo>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #5f6368;"));
    label->setContentsMargins(22, 0, 0, 6); // under its check box's text
    return label;
}

} // namespace

SettingsPage::SettingsPage(QWidget *parent)
    : QWidget(parent)
    , m_keepRunningInTray(new QCheckBox(UiSettings::keepRunningInTray.label(), this))
    , m_startAtLogin(new QCheckBox(UiSettings::startAtLogin.label(), this))
    , m_runSchedules(new QCheckBox(UiSettings::runSchedules.label(), this))
    , m_agentName(new QLineEdit(this))
    , m_notifications(new QCheckBox(UiSettings::notifications.label(), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsPage"));
    m_keepRunningInTray->setObjectName(QStringLiteral("keepRunningInTray"));
    m_startAtLogin->setObjectName(QStringLiteral("startAtLogin"));
    m_runSchedules->setObjectName(QStringLiteral("runSchedules"));
    m_agentName->setObjectName(QStringLiteral("agentName"));
    m_agentName->setPlaceholderText(QSysInfo::machineHostName());
    m_notifications->setObjectName(QStringLiteral("notifications"));
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_message->hide();

    auto *form = new QFormLayout;
    form->addRow(m_keepRunningInTray);
    form->addRow(note(tr("Closing the window leaves SyncBridge in the system tray: running syncs go on and schedules keep running. "
                         "Quit from the tray's menu."),
        this));
    form->addRow(m_startAtLogin);
    form->addRow(note(tr("Starts SyncBridge in the tray when you log in (an XDG autostart entry)."), this));
    form->addRow(m_runSchedules);
    form->addRow(note(tr("This computer runs the definitions' schedules while SyncBridge is open or in the tray. Several "
                         "computers (and headless agents) sharing one meta-store run each scheduled run once between them."),
        this));
    form->addRow(UiSettings::agentName.label(), m_agentName);
    form->addRow(m_notifications);
    form->addRow(note(tr("Tells you when a scheduled sync fails, when it works again, and when deletions were held back."), this));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();

    const auto boolSetting = [this](QCheckBox *check, const Setting<bool> &setting) {
        connect(check, &QCheckBox::toggled, this, [this, &setting](bool on) {
            setting.setValue(on);
            emit changed(setting.key());
        });
    };
    boolSetting(m_keepRunningInTray, UiSettings::keepRunningInTray);
    boolSetting(m_runSchedules, UiSettings::runSchedules);
    boolSetting(m_notifications, UiSettings::notifications);
    connect(m_runSchedules, &QCheckBox::toggled, m_agentName, &QWidget::setEnabled);
    connect(m_agentName, &QLineEdit::editingFinished, this, [this]() {
        const QString name = m_agentName->text().trimmed();
        if (name == UiSettings::agentName.value())
            return;
        UiSettings::agentName.setValue(name);
        emit changed(UiSettings::agentName.key());
    });
    connect(m_startAtLogin, &QCheckBox::toggled, this, [this](bool on) {
        const Result<void> written = setStartAtLogin(on, QCoreApplication::applicationFilePath());
        m_message->setVisible(!written.ok());
        if (!written) {
            m_message->setText(written.error().message());
            const QSignalBlocker blocker(m_startAtLogin);
            m_startAtLogin->setChecked(startsAtLogin());
            return;
        }
        UiSettings::startAtLogin.setValue(on);
        emit changed(UiSettings::startAtLogin.key());
    });
    showStored();
}

QString SettingsPage::title() const
{
    return tr("Settings");
}

QIcon SettingsPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/settings.svg"));
}

void SettingsPage::activated()
{
    showStored(); // the autostart entry may have been removed by hand
}

void SettingsPage::showStored()
{
    const QSignalBlocker tray(m_keepRunningInTray), login(m_startAtLogin), schedules(m_runSchedules), notifications(m_notifications);
    m_keepRunningInTray->setChecked(UiSettings::keepRunningInTray.value());
    m_startAtLogin->setChecked(startsAtLogin());
    m_runSchedules->setChecked(UiSettings::runSchedules.value());
    m_agentName->setText(UiSettings::agentName.value());
    m_agentName->setEnabled(m_runSchedules->isChecked());
    m_notifications->setChecked(UiSettings::notifications.value());
}

} // namespace SyncBridge
