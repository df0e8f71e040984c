// `conflicts list|resolve`: the MANUAL conflict queue of a two-way definition (docs/cli.md).
#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "commandtable.h"

#include "model/definition.h"
#include "store/catalogrepository.h"
#include "store/conflictrepository.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"
#include "sync/valueconverter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace SyncBridge::Cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SyncBridge::Cli", text);
}

QString valueText(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("—");
    if (value.isString())
        return value.toString();
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QString statusText(const SyncConflict &conflict)
{
    if (conflict.isOpen())
        return tr("open");
    return tr("decided: %1").arg(conflictResolutionName(conflict.resolution).toLower());
}

QJsonObject conflictJson(const SyncConflict &conflict)
{
    return QJsonObject{{QStringLiteral("id"), conflict.id}, {QStringLiteral("row"), conflict.identityText},
        {QStringLiteral("item"), conflict.itemId}, {QStringLiteral("field"), conflict.field}, {QStringLiteral("column"), conflict.column},
        {QStringLiteral("base"), conflict.baseValue}, {QStringLiteral("database"), conflict.databaseValue},
        {QStringLiteral("sharepoint"), conflict.sharePointValue},
        {QStringLiteral("databaseChangedAt"), utcJson(conflict.databaseChangedAt)},
        {QStringLiteral("sharepointModifiedAt"), utcJson(conflict.sharePointModifiedAt)},
        {QStringLiteral("sharepointEditor"), conflict.sharePointEditor}, {QStringLiteral("detectedAt"), utcJson(conflict.detectedAt)},
        {QStringLiteral("resolution"), conflictResolutionName(conflict.resolution)},
        {QStringLiteral("resolvedValue"), conflict.resolvedValue}, {QStringLiteral("resolvedBy"), conflict.resolvedBy}};
}

int listConflicts(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, tr("conflicts list takes one definition name"));
    SyncDefinition definition;
    int exitCode = ExitOk;
    if (!findDefinition(context, context.arguments.constFirst(), &definition, &exitCode))
        return exitCode;
    auto pending = ConflictRepository(*context.store).pending(definition.id);
    if (!pending)
        return fail(context, pending.error());
    if (wantsJson(context)) {
        QJsonArray rows;
        for (const SyncConflict &conflict : std::as_const(*pending))
            rows.append(conflictJson(conflict));
        printJson(context, rows);
        return ExitOk;
    }
    if (pending->isEmpty()) {
        context.out << tr("No conflicts of '%1' wait for a decision.").arg(definition.name) << '\n';
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const SyncConflict &conflict : std::as_const(*pending)) {
        rows << QStringList{QString::number(conflict.id), conflict.identityText, conflict.field, valueText(conflict.baseValue),
            valueText(conflict.databaseValue), valueText(conflict.sharePointValue),
            QStringLiteral("%1 %2").arg(conflict.sharePointEditor, utcText(conflict.sharePointModifiedAt)).trimmed(), statusText(conflict)};
    }
    context.out << formatTable(
        {tr("ID"), tr("Row"), tr("Field"), tr("Base"), tr("Database"), tr("SharePoint"), tr("Changed in SharePoint"), tr("Status")}, rows,
        99) << QCoreApplication::translate("SyncBridge::Cli", "%n conflict(s) of '%1'.", nullptr, int(pending->size())).arg(definition.name)
                << '\n';
    return ExitOk;
}

// The edited value in the field's SharePoint form: read as the mapped column's type when the store's
// catalog knows the table, else as the kind of value the conflict already holds.
Result<QJsonValue> editedValue(CommandContext &context, const SyncDefinition &definition, const SyncConflict &conflict, const QString &text)
{
    auto tables = CatalogRepository(*context.store).tables(definition.source.databaseId);
    if (tables) {
        for (const TableInfo &table : std::as_const(*tables)) {
            if (table.schema != definition.source.schema || table.name != definition.source.table || !table.column(conflict.column))
                continue;
            auto value = toSharePointValue(*table.column(conflict.column), text, siteTimeZone(definition));
            if (!value)
                return Error(ErrorCode::InvalidInput,
                    tr("'%1' is not a value of column '%2' (%3): %4")
                        .arg(text, conflict.column, table.column(conflict.column)->dataType, value.error().message()));
            return QJsonValue(*value);
        }
    }
    const QJsonValue sample = !conflict.databaseValue.isNull() ? conflict.databaseValue : conflict.sharePointValue;
    if (sample.isDouble()) {
        bool ok = false;
        const double number = text.toDouble(&ok);
        if (!ok)
            return Error(ErrorCode::InvalidInput, tr("'%1' is not a number; field '%2' holds numbers.").arg(text, conflict.field));
        return QJsonValue(number);
    }
    if (sample.isBool()) {
        const QString word = text.trimmed().toLower();
        if (word == QStringLiteral("true") || word == QStringLiteral("yes"))
            return QJsonValue(true);
        if (word == QStringLiteral("false") || word == QStringLiteral("no"))
            return QJsonValue(false);
        return Error(ErrorCode::InvalidInput, tr("'%1' is not yes or no; field '%2' is Yes/No.").arg(text, conflict.field));
    }
    if (sample.isArray())
        return QJsonValue(QJsonArray::fromStringList(text.split(QLatin1Char(','), Qt::SkipEmptyParts)));
    return QJsonValue(text);
}

int resolveConflicts(CommandContext &context)
{
    const bool all = context.parser.isSet(context.options.all);
    if (context.arguments.size() != 1)
        return usage(context, tr("conflicts resolve takes a conflict id, or --all and a definition name"));
    const bool useSide = context.parser.isSet(context.options.use), edited = context.parser.isSet(context.options.value);
    if (useSide == edited)
        return usage(context, tr("conflicts resolve takes either --use database|sharepoint or --value <text>"));
    ConflictResolution resolution = ConflictResolution::Edited;
    if (useSide) {
        const QString side = context.parser.value(context.options.use).toLower();
        if (side == QStringLiteral("database"))
            resolution = ConflictResolution::Database;
        else if (side == QStringLiteral("sharepoint"))
            resolution = ConflictResolution::SharePoint;
        else
            return usage(context, tr("--use takes database or sharepoint, not '%1'").arg(side));
    }
    ConflictRepository conflicts(*context.store);
    QList<SyncConflict> chosen;
    SyncDefinition definition;
    int exitCode = ExitOk;
    if (all) {
        if (!findDefinition(context, context.arguments.constFirst(), &definition, &exitCode))
            return exitCode;
        auto pending = conflicts.pending(definition.id);
        if (!pending)
            return fail(context, pending.error());
        // --all decides what is still open; a decision already taken is not overwritten by it.
        for (const SyncConflict &conflict : std::as_const(*pending)) {
            if (conflict.isOpen())
                chosen << conflict;
        }
    } else {
        bool ok = false;
        const qint64 id = context.arguments.constFirst().toLongLong(&ok);
        if (!ok)
            return usage(context, tr("'%1' is not a conflict id (a number from conflicts list)").arg(context.arguments.constFirst()));
        auto found = conflicts.conflict(id);
        if (!found)
            return fail(context, found.error());
        if (!*found || (*found)->isApplied())
            return fail(context, Error(ErrorCode::NotFound, tr("There is no conflict %1 waiting for a decision.").arg(id)));
        auto owner = DefinitionRepository(*context.store).byId((*found)->definitionId);
        if (!owner)
            return fail(context, owner.error());
        definition = *owner;
        chosen << **found;
    }
    const QString by = qEnvironmentVariable("USER", QStringLiteral("syncbridge-cli"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const SyncConflict &conflict : std::as_const(chosen)) {
        QJsonValue value = resolution == ConflictResolution::Database ? conflict.databaseValue
            : resolution == ConflictResolution::SharePoint            ? conflict.sharePointValue
                                                                      : QJsonValue();
        if (edited) {
            auto converted = editedValue(context, definition, conflict, context.parser.value(context.options.value));
            if (!converted)
                return fail(context, converted.error());
            value = *converted;
        }
        if (auto decided = conflicts.resolve(conflict.id, resolution, value, by, now); !decided)
            return fail(context, decided.error());
    }
    context.out << QCoreApplication::translate(
        "SyncBridge::Cli", "%n conflict(s) of '%1' decided; the next run writes the decision to both sides.", nullptr, int(chosen.size()))
                       .arg(definition.name)
                << '\n';
    return ExitOk;
}

} // namespace

QList<Command> conflictCommands()
{
    return {
        {"conflicts", "list", "<definition> [--json]",
            QT_TRANSLATE_NOOP("SyncBridge::Cli", "two-way fields changed on both sides that wait for a decision"), listConflicts},
        {"conflicts", "resolve", "<conflict-id>|--all <definition> --use database|sharepoint|--value <text>",
            QT_TRANSLATE_NOOP("SyncBridge::Cli", "decide conflicts; the next run writes the value to both sides"), resolveConflicts},
    };
}

} // namespace SyncBridge::Cli
