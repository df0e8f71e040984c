#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace SyncBridge {

// A setting declared once with its key, type, default and — for those the Settings page shows — its
// label, marked with QT_TRANSLATE_NOOP("SyncBridge::SettingsPage", …) (KeePassXC's Config table,
// qBittorrent's SettingValue).
template<typename T>
class Setting
{
public:
    constexpr Setting(const char *key, T fallback, const char *label = nullptr)
        : m_key(key)
        , m_fallback(std::move(fallback))
        , m_label(label)
    {
    }

    QString key() const { return QLatin1String(m_key); }
    QString label() const { return QCoreApplication::translate("SyncBridge::SettingsPage", m_label); }

    T value() const
    {
        const QVariant stored = QSettings().value(QLatin1String(m_key));
        return stored.isValid() ? stored.value<T>() : m_fallback;
    }
    void setValue(const T &value) const { QSettings().setValue(QLatin1String(m_key), QVariant::fromValue(value)); }

private:
    const char *m_key;
    T m_fallback;
    const char *m_label;
};

// Every UI setting, in one place. Secrets never go here.
namespace UiSettings {
extern const Setting<QByteArray> mainWindowGeometry;
extern const Setting<QByteArray> mainWindowState;
extern const Setting<QByteArray> connectionsSplitter;
extern const Setting<QByteArray> connectionsTreeHeader;
extern const Setting<int> currentPage;
extern const Setting<QByteArray> runsSplitter;
extern const Setting<QByteArray> catalogSplitter;
extern const Setting<QByteArray> runsTableHeader;
extern const Setting<QByteArray> definitionsSplitter;
extern const Setting<QByteArray> mappingTableHeader;
// The Catalog tree's items the user expanded or collapsed (keys from CatalogPage), and whether a
// list's system and hidden columns are shown.
extern const Setting<QStringList> catalogExpanded;
extern const Setting<QStringList> catalogCollapsed;
extern const Setting<bool> catalogSystemColumns;

// What the Settings page shows (ui/settings/settingspage), in its order.
extern const Setting<bool> keepRunningInTray;
extern const Setting<bool> startAtLogin; // mirrored by the XDG autostart entry (ui/settings/autostart)
extern const Setting<bool> runSchedules; // this GUI is a scheduling agent
extern const Setting<QString> agentName; // empty: the host's name
extern const Setting<bool> notifications;
} // namespace UiSettings

} // namespace SyncBridge
