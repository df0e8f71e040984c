#include "definitions/twowaypreview.h"

#include "common/valuetext.h"

namespace SyncBridge {
namespace {

bool toDatabase(const QString &action)
{
    return action == QLatin1String("pull create") || action == QLatin1String("pull update");
}

bool toSharePoint(const QString &action)
{
    return action == QLatin1String("push create") || action == QLatin1String("push update");
}

// A conflict with no agreed value is a first run's pair that differs.
QString baseText(const QJsonValue &base)
{
    return base.isUndefined() || base.isNull() ? TwoWayPreview::tr("none (first run)") : valueText(base);
}

// Each action of a two-way plan: its key, the plan table's header (the side, then what happens) and
// its name in the rows' Action column; in the order a person reads them.
struct ActionNames {
    const char *key;
    const char *header;
    const char *name;
};
const ActionNames actionNames[] = {
    {"match", QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Matched\nby key"), QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Matched")},
    {"pull create", QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Database\ncreate"),
        QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Create row")},
    {"pull update", QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Database\nupdate"),
        QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Update row")},
    {"pull delete", QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Database\ndelete"),
        QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Delete row")},
    {"pull mark", QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Database\nmark"),
        QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Mark row")},
    {"push create", QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "SharePoint\ncreate"),
        QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Create item")},
    {"push update", QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "SharePoint\nupdate"),
        QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Update item")},
    {"push delete", QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "SharePoint\ndelete"),
        QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Delete item")},
    {"push mark", QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "SharePoint\nmark"),
        QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Flag item")},
    {"conflict", QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Conflicts"), QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Conflict")},
    {"unchanged", QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Unchanged"), QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Unchanged")},
    {"failed", QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Failing"), QT_TRANSLATE_NOOP("SyncBridge::TwoWayPreview", "Failing")},
};

const ActionNames *namesOf(const QString &action)
{
    for (const ActionNames &names : actionNames) {
        if (action == QLatin1String(names.key))
            return &names;
    }
    return nullptr;
}

} // namespace

const QStringList &TwoWayPreview::actions()
{
    static const QStringList keys = []() {
        QStringList all;
        for (const ActionNames &names : actionNames)
            all << QString::fromLatin1(names.key);
        return all;
    }();
    return keys;
}

bool TwoWayPreview::isTwoWayAction(const QString &action)
{
    return action != QLatin1String("failed") && action != QLatin1String("unchanged") && namesOf(action);
}

QString TwoWayPreview::planHeader(const QString &action)
{
    const ActionNames *names = namesOf(action);
    return names ? tr(names->header) : action;
}

QString TwoWayPreview::actionText(const QString &action)
{
    const ActionNames *names = namesOf(action);
    return names ? tr(names->name) : action;
}

QString TwoWayPreview::changesText(const PreviewRow &row)
{
    QStringList values;
    for (auto it = row.fields.constBegin(); it != row.fields.constEnd(); ++it)
        values << tr("%1 = %2").arg(it.key(), valueText(it.value()));
    const QString written = values.join(QStringLiteral(" · "));
    const QString &action = row.action;
    if (action == QLatin1String("match"))
        return tr("The row and the item have the same key: they are linked, neither is created again.");
    if (action == QLatin1String("pull create"))
        return tr("New in SharePoint, inserted into the database: %1").arg(written);
    if (action == QLatin1String("pull update") && row.currentKnown) { // a pull's preview read the row: what changes in it
        QStringList changes;
        for (const FieldChange &change : row.changes)
            changes << tr("%1: %2 → %3").arg(change.field, valueText(change.before), valueText(change.after));
        return tr("Changed in SharePoint, written into the database: %1").arg(changes.join(QStringLiteral(" · ")));
    }
    if (action == QLatin1String("pull update"))
        return tr("Changed in SharePoint, written into the database: %1").arg(written);
    if (action == QLatin1String("pull delete"))
        return tr("The item was deleted in SharePoint: the row is deleted.");
    if (action == QLatin1String("push create"))
        return tr("New in the database, created in SharePoint: %1").arg(written);
    if (action == QLatin1String("push update"))
        return tr("Changed in the database, written into SharePoint: %1").arg(written);
    if (action == QLatin1String("push delete"))
        return tr("The row was deleted in the database: the item is deleted.");
    if (action == QLatin1String("pull mark"))
        return tr("The item was deleted in SharePoint: the row is kept and marked: %1").arg(written);
    if (action == QLatin1String("push mark"))
        return tr("The row was deleted in the database: the item is kept and flagged: %1").arg(written);
    if (action == QLatin1String("conflict"))
        return tr("%1 changed on both sides (agreed: %2) — database: %3, SharePoint: %4; it waits for a decision in the Conflicts view.")
            .arg(row.fields.value(QStringLiteral("field")).toString(), baseText(row.fields.value(QStringLiteral("base"))),
                valueText(row.fields.value(QStringLiteral("database"))), valueText(row.fields.value(QStringLiteral("sharepoint"))));
    return {};
}

QList<TwoWayPreview::DetailLine> TwoWayPreview::detail(const PreviewRow &row)
{
    QList<DetailLine> lines;
    if (row.action == QLatin1String("conflict")) {
        const QString field = row.fields.value(QStringLiteral("field")).toString();
        lines << DetailLine{field, tr("Last agreed"), baseText(row.fields.value(QStringLiteral("base")))}
              << DetailLine{field, tr("Database"), valueText(row.fields.value(QStringLiteral("database")))}
              << DetailLine{field, tr("SharePoint"), valueText(row.fields.value(QStringLiteral("sharepoint")))};
        return lines;
    }
    const QString side = toDatabase(row.action) ? tr("Written into the database")
        : toSharePoint(row.action)              ? tr("Written into SharePoint")
                                                : QString();
    for (auto it = row.fields.constBegin(); it != row.fields.constEnd(); ++it)
        lines << DetailLine{it.key(), side, valueText(it.value())};
    return lines;
}

} // namespace SyncBridge
