#include "drift/driftreport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace SyncBridge {
namespace {

struct ClassName {
    DriftClass driftClass;
    char symbol;
    const char *id;
};

constexpr ClassName classNames[] = {{DriftClass::InSync, '=', "in-sync"}, {DriftClass::Missing, '+', "missing"},
    {DriftClass::Orphan, '-', "orphan"}, {DriftClass::Differs, '*', "differs"}, {DriftClass::WrongList, '>', "wrong-list"},
    {DriftClass::Duplicate, '!', "duplicate"}, {DriftClass::Unkeyed, '?', "unkeyed"}};

const ClassName &nameOf(DriftClass driftClass)
{
    for (const ClassName &name : classNames) {
        if (name.driftClass == driftClass)
            return name;
    }
    return classNames[0];
}

QString shownValue(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QCoreApplication::translate("SyncBridge::Drift", "(empty)");
    if (value.isString())
        return QLatin1Char('\'') + value.toString() + QLatin1Char('\'');
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

} // namespace

QChar driftSymbol(DriftClass driftClass)
{
    return QLatin1Char(nameOf(driftClass).symbol);
}

QString driftClassId(DriftClass driftClass)
{
    return QLatin1String(nameOf(driftClass).id);
}

std::optional<DriftClass> driftClassFromSymbolOrId(const QString &text)
{
    const QString wanted = text.trimmed();
    for (const ClassName &name : classNames) {
        if (wanted == QLatin1Char(name.symbol) || wanted == QLatin1String(name.id))
            return name.driftClass;
    }
    return std::nullopt;
}

QString driftClassText(DriftClass driftClass)
{
    switch (driftClass) {
    case DriftClass::InSync:
        return QCoreApplication::translate("SyncBridge::Drift", "in sync");
    case DriftClass::Missing:
        return QCoreApplication::translate("SyncBridge::Drift", "missing in SharePoint");
    case DriftClass::Orphan:
        return QCoreApplication::translate("SyncBridge::Drift", "orphaned item");
    case DriftClass::Differs:
        return QCoreApplication::translate("SyncBridge::Drift", "content differs");
    case DriftClass::WrongList:
        return QCoreApplication::translate("SyncBridge::Drift", "in the wrong list");
    case DriftClass::Duplicate:
        return QCoreApplication::translate("SyncBridge::Drift", "duplicate item");
    case DriftClass::Unkeyed:
        return QCoreApplication::translate("SyncBridge::Drift", "not created by SyncBridge");
    }
    return {};
}

bool DriftReport::inSync() const
{
    return differences() == 0;
}

qint64 DriftReport::differences() const
{
    qint64 count = 0;
    for (auto it = totals.constBegin(); it != totals.constEnd(); ++it) {
        if (it.key() != DriftClass::InSync)
            count += it.value();
    }
    return count;
}

QString driftLine(const DriftEntry &entry)
{
    const QString who = entry.identity.isEmpty()
        ? QCoreApplication::translate("SyncBridge::Drift", "item %1 '%2'").arg(entry.itemId, entry.title)
        : entry.identity;
    QString line = QStringLiteral("%1 %2 (%3)").arg(driftSymbol(entry.driftClass), who, entry.list);
    switch (entry.driftClass) {
    case DriftClass::Differs: {
        QStringList changes;
        for (const FieldChange &change : entry.changes)
            changes << QStringLiteral("%1 %2 → %3").arg(change.field, shownValue(change.before), shownValue(change.after));
        line += QStringLiteral(": ") + changes.join(QStringLiteral(", "));
        break;
    }
    case DriftClass::WrongList:
        line += QStringLiteral(": ") + QCoreApplication::translate("SyncBridge::Drift", "belongs in %1").arg(entry.expectedList);
        break;
    case DriftClass::Orphan:
    case DriftClass::Duplicate:
        line += QStringLiteral(": ") + QCoreApplication::translate("SyncBridge::Drift", "item %1").arg(entry.itemId);
        break;
    default:
        break;
    }
    return line;
}

QJsonObject driftEntryJson(const DriftEntry &entry)
{
    QJsonObject json{{QStringLiteral("class"), QString(driftSymbol(entry.driftClass))},
        {QStringLiteral("kind"), driftClassId(entry.driftClass)}, {QStringLiteral("list"), entry.list}};
    if (!entry.identity.isEmpty())
        json.insert(QStringLiteral("row"), entry.identity);
    if (!entry.identityHash.isEmpty())
        json.insert(QStringLiteral("key"), entry.identityHash);
    if (!entry.itemId.isEmpty())
        json.insert(QStringLiteral("item"), entry.itemId);
    if (entry.driftClass != DriftClass::InSync && entry.driftClass != DriftClass::Unkeyed)
        json.insert(QStringLiteral("repairKey"), driftEntryKey(entry)); // what `drift repair --only` takes
    if (!entry.expectedList.isEmpty())
        json.insert(QStringLiteral("expectedList"), entry.expectedList);
    if (!entry.title.isEmpty())
        json.insert(QStringLiteral("title"), entry.title);
    if (!entry.changes.isEmpty()) {
        QJsonArray changes;
        for (const FieldChange &change : entry.changes)
            changes.append(QJsonObject{{QStringLiteral("field"), change.field}, {QStringLiteral("sharePoint"), change.before},
                {QStringLiteral("source"), change.after}});
        json.insert(QStringLiteral("changes"), changes);
    }
    return json;
}

QJsonObject schemaFindingJson(const SchemaFinding &finding)
{
    QJsonObject json{{QStringLiteral("kind"), kindName(finding.kind)}, {QStringLiteral("severity"), severityName(finding.severity)},
        {QStringLiteral("columns"), QJsonArray::fromStringList(finding.columns)}, {QStringLiteral("message"), finding.message},
        {QStringLiteral("whatToDo"), finding.whatToDo}};
    if (!finding.list.isEmpty())
        json.insert(QStringLiteral("list"), finding.list);
    return json;
}

QJsonObject driftReportJson(const DriftReport &report)
{
    QJsonObject totals;
    for (const DriftClass driftClass : allDriftClasses)
        totals.insert(driftClassId(driftClass), report.totals.value(driftClass));
    QJsonArray lists;
    for (auto it = report.lists.constBegin(); it != report.lists.constEnd(); ++it) {
        QJsonObject classes;
        for (const DriftClass driftClass : allDriftClasses)
            classes.insert(driftClassId(driftClass), it->classes.value(driftClass));
        lists.append(QJsonObject{{QStringLiteral("list"), it.key()}, {QStringLiteral("sourceRows"), it->sourceRows},
            {QStringLiteral("items"), it->items}, {QStringLiteral("ledgerEntries"), it->ledgerEntries},
            {QStringLiteral("delta"), it->items - it->sourceRows}, {QStringLiteral("classes"), classes}});
    }
    QJsonArray entries;
    for (const DriftEntry &entry : report.entries)
        entries.append(driftEntryJson(entry));
    QJsonArray schema;
    for (const SchemaFinding &finding : report.schema)
        schema.append(schemaFindingJson(finding));
    QJsonObject json{{QStringLiteral("definition"), report.definitionName}, {QStringLiteral("runId"), report.runId},
        {QStringLiteral("checkedAt"), report.checkedAt.toString(Qt::ISODateWithMs)}, {QStringLiteral("inSync"), report.inSync()},
        {QStringLiteral("sourceRows"), report.sourceRows}, {QStringLiteral("itemsRead"), report.itemsRead},
        {QStringLiteral("itemsReadSingly"), report.itemsReadSingly}, {QStringLiteral("unplannedRows"), report.unplannedRows},
        {QStringLiteral("seconds"), report.seconds}, {QStringLiteral("ruSpent"), report.ruSpent}, {QStringLiteral("totals"), totals},
        {QStringLiteral("lists"), lists}, {QStringLiteral("differences"), entries}, {QStringLiteral("schema"), schema},
        {QStringLiteral("schemaBlocking"), hasBlocking(report.schema)}};
    if (!report.dataNotCompared.isEmpty())
        json.insert(QStringLiteral("dataNotCompared"), report.dataNotCompared);
    return json;
}

QString driftTotalsText(const DriftReport &report)
{
    QStringList parts;
    for (const DriftClass driftClass : allDriftClasses) {
        if (driftClass != DriftClass::InSync && report.totals.value(driftClass) > 0)
            parts << QStringLiteral("%1 %2").arg(driftSymbol(driftClass)).arg(report.totals.value(driftClass));
    }
    return parts.join(QStringLiteral(", "));
}

QString driftEntryKey(const DriftEntry &entry)
{
    return QStringList{driftClassId(entry.driftClass), entry.listId, entry.identityHash, entry.itemId}.join(QLatin1Char('/'));
}

QString listNameOf(const DriftReport &report, const QString &listId)
{
    for (auto list = report.lists.constBegin(); list != report.lists.constEnd(); ++list) {
        if (list->listId == listId)
            return list.key();
    }
    return listId;
}

QString keysNotFoundWarning(const DriftReport &report, const QSet<QString> &keys)
{
    QSet<QString> unknown = keys;
    for (const DriftEntry &entry : report.entries)
        unknown.remove(driftEntryKey(entry));
    if (unknown.isEmpty())
        return {};
    QStringList sorted = unknown.values();
    sorted.sort();
    return QCoreApplication::translate("SyncBridge::Drift",
        "%n difference(s) named were not found by the check (repaired since, changed class, or mistyped): %1", nullptr, int(sorted.size()))
        .arg(sorted.join(QStringLiteral(", ")));
}

} // namespace SyncBridge
