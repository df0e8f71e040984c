#include "previewoutput.h"

#include "commandhelpers.h"
#include "commands.h"

#include "common/error.h"
#include "sync/runprogress.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

namespace SyncBridge::Cli {
namespace {

// A value as the terminal shows it: text in quotes (so "" and a space can be told apart), nothing
// as "(empty)", numbers and the rest as JSON.
QString valueText(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QCoreApplication::translate("SyncBridge::Cli", "(empty)");
    if (value.isString())
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

QString rowText(const PreviewRow &row)
{
    QStringList parts;
    if (row.action == QLatin1String("failed"))
        return row.error;
    if (row.action == QLatin1String("delete") || row.action == QLatin1String("mark") || row.action == QLatin1String("leave"))
        return QCoreApplication::translate("SyncBridge::Cli", "the row is gone from the source");
    if (row.action == QLatin1String("pull delete") || row.action == QLatin1String("pull mark"))
        return QCoreApplication::translate("SyncBridge::Cli", "the item was deleted in SharePoint");
    if (row.action == QLatin1String("pull update") && row.currentKnown) { // the row was read: what changes in it
        for (const FieldChange &change : row.changes)
            parts << QStringLiteral("%1: %2 → %3").arg(change.field, valueText(change.before), valueText(change.after));
        return parts.join(QStringLiteral("; "));
    }
    if (row.action == QLatin1String("update") || row.action == QLatin1String("move")) {
        if (!row.fromList.isEmpty())
            parts << QCoreApplication::translate("SyncBridge::Cli", "from '%1'").arg(row.fromList);
        if (!row.currentKnown)
            parts << QCoreApplication::translate("SyncBridge::Cli", "SharePoint's item could not be read");
        else if (row.changes.isEmpty())
            parts << QCoreApplication::translate("SyncBridge::Cli", "no field differs (written again to confirm it)");
        for (const FieldChange &change : row.changes)
            parts << QStringLiteral("%1: %2 → %3").arg(change.field, valueText(change.before), valueText(change.after));
        return parts.join(QStringLiteral("; "));
    }
    for (auto field = row.fields.constBegin(); field != row.fields.constEnd(); ++field)
        parts << QStringLiteral("%1 = %2").arg(field.key(), valueText(field.value()));
    return parts.join(QStringLiteral("; "));
}

} // namespace

void printPreviewRows(CommandContext &context, const RunOutcome &outcome)
{
    // A first run plans thousands of creates: the terminal gets a sample of each action, --json every row.
    constexpr int shownPerAction = 20;
    QHash<QString, int> shown;
    QMap<QString, int> notShown; // by action, in a stable order
    bool first = true;
    // A pull's and a two-way plan's actions name their side ("pull create"): their values are what is written.
    const bool sided = std::any_of(
        outcome.preview.cbegin(), outcome.preview.cend(), [](const PreviewRow &row) { return row.action.contains(QLatin1Char(' ')); });
    for (const PreviewRow &row : outcome.preview) {
        if (row.action == QLatin1String("skip") || row.action == QLatin1String("unchanged")) // nothing to say of it
            continue;
        if (shown[row.action] == shownPerAction) {
            ++notShown[row.action];
            continue;
        }
        ++shown[row.action];
        if (first)
            context.out << (sided ? QCoreApplication::translate("SyncBridge::Cli", "Planned rows (the values each would write):")
                                  : QCoreApplication::translate(
                                      "SyncBridge::Cli", "Planned rows (changes: what SharePoint holds now → the mapped value):"))
                        << '\n';
        first = false;
        context.out << QStringLiteral("  %1  %2  %3: %4").arg(row.action, sided ? -11 : -8).arg(row.identity, row.list, rowText(row))
                    << '\n';
    }
    for (auto action = notShown.constBegin(); action != notShown.constEnd(); ++action)
        context.out << QCoreApplication::translate(
            "SyncBridge::Cli", "  … and %n more %1 row(s) (run --json lists every row)", nullptr, action.value())
                           .arg(action.key())
                    << '\n';
    if (outcome.previewLeftOut > 0)
        context.out << QCoreApplication::translate(
            "SyncBridge::Cli", "  … and %n more planned row(s)", nullptr, int(outcome.previewLeftOut))
                    << '\n';
    if (!outcome.currentValuesUnread.isEmpty())
        context.err << QCoreApplication::translate("SyncBridge::Cli", "warning: %1").arg(outcome.currentValuesUnread) << '\n';
}

QJsonObject outcomeJson(const RunOutcome &outcome)
{
    const RunCounters &c = outcome.counters;
    QJsonObject plan;
    for (auto list = outcome.plan.constBegin(); list != outcome.plan.constEnd(); ++list) {
        QJsonObject actions;
        for (auto action = list->constBegin(); action != list->constEnd(); ++action)
            actions.insert(action.key(), action.value());
        plan.insert(list.key(), actions);
    }
    QJsonObject failures;
    for (auto it = outcome.failures.constBegin(); it != outcome.failures.constEnd(); ++it)
        failures.insert(it.key(), it.value());
    QJsonObject json{{QStringLiteral("runId"), outcome.runId}, {QStringLiteral("status"), enumName(outcome.status)},
        {QStringLiteral("dryRun"), outcome.dryRun}, {QStringLiteral("message"), outcome.message},
        {QStringLiteral("counts"),
            QJsonObject{{QStringLiteral("read"), c.rowsRead}, {QStringLiteral("created"), c.created},
                {QStringLiteral("updated"), c.updated}, {QStringLiteral("moved"), c.moved}, {QStringLiteral("deleted"), c.deleted},
                {QStringLiteral("unchanged"), c.skipped}, {QStringLiteral("failed"), c.failed}}},
        {QStringLiteral("lists"), plan}, {QStringLiteral("failures"), failures},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(outcome.warnings)}};
    if (outcome.error)
        json.insert(QStringLiteral("error"),
            QJsonObject{
                {QStringLiteral("kind"), errorCodeName(outcome.error->code())}, {QStringLiteral("detail"), outcome.error->detail()}});
    if (outcome.dryRun) {
        QJsonArray rows;
        for (const PreviewRow &row : outcome.preview)
            rows.append(previewRowJson(row));
        json.insert(QStringLiteral("rows"), rows);
        json.insert(QStringLiteral("rowsLeftOut"), outcome.previewLeftOut);
        if (!outcome.currentValuesUnread.isEmpty())
            json.insert(QStringLiteral("currentValuesUnread"), outcome.currentValuesUnread);
    }
    return json;
}

} // namespace SyncBridge::Cli
