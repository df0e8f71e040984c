#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace SyncBridge {

// A setting declared once with its key and default (KeePassXC's Config table, qBittorrent's SettingValue).
template<typename T>
class Setting
{
public:
    constexpr Setting(const char *key, T fallback) : m_key(key), m_fallback(std::move(fallback)) {}

    T value() const
    {
        const QVariant stored = QSettings().value(QLatin1String(m_key));
        return stored.isValid() ? stored.value<T>() : m_fallback;
    }
    void setValue(const T &value) const { QSettings().setValue(QLatin1String(m_key), QVariant::fromValue(value)); }

private:
    const char *m_key;
    T m_fallback;
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
} // namespace UiSettings

} // namespace SyncBridge
