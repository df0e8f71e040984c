#include "store/definitionimporter.h"

#include "model/cursoradvice.h"
#include "store/catalogrepository.h"
#include "store/connectionrepository.h"
#include "store/definitionrepository.h"
#include "store/importchecks.h"
#include "store/metastore.h"
#include "store/sql.h"
#include "sync/definitionexpressions.h"

#include <QCoreApplication>
#include <QHash>

namespace SyncBridge {
namespace {

// Advice on the cursor column, for the tables the catalog has introspected (the import does not
// connect to the source).
Result<void> addCursorWarnings(const MetaStore &store, const QList<SyncDefinition> &definitions, QList<ValidationIssue> &warnings)
{
    CatalogRepository catalog(store);
    QHash<qint64, QList<TableInfo>> tablesOf;
    for (int i = 0; i < definitions.size(); ++i) {
        const SyncDefinition &definition = definitions.at(i);
        if (definition.source.databaseId == 0)
            continue;
        if (!tablesOf.contains(definition.source.databaseId)) {
            auto tables = catalog.tables(definition.source.databaseId);
            if (!tables)
                return tables.error();
            tablesOf.insert(definition.source.databaseId, *tables);
        }
        for (const TableInfo &table : tablesOf.value(definition.source.databaseId)) {
            if (table.schema != definition.source.schema || table.name != definition.source.table)
                continue;
            for (const QString &warning : cursorColumnWarnings(table, definition.cursorStrategy, definition.cursorColumn))
                warnings.append({QStringLiteral("$.definitions[%1].cursor.column").arg(i), warning});
        }
    }
    return success();
}

// Two definitions writing one list each keep to their own items (their SyncBridgeKeys differ), but
// their rows mix there and each one's deletes and breaker count only its own: worth a word.
Result<void> addSharedListWarnings(const MetaStore &store, const QList<SyncDefinition> &definitions, QList<ValidationIssue> &warnings)
{
    auto stored = DefinitionRepository(store).all();
    if (!stored)
        return stored.error();
    const auto sameList = [](const SyncTarget &a, const SyncTarget &b) {
        return a.connectionId == b.connectionId && a.site == b.site && a.listName.compare(b.listName, Qt::CaseInsensitive) == 0;
    };
    QList<SyncDefinition> all = definitions;
    for (const SyncDefinition &existing : std::as_const(*stored)) {
        const bool replaced = std::any_of(
            definitions.cbegin(), definitions.cend(), [&](const SyncDefinition &imported) { return imported.name == existing.name; });
        if (!replaced)
            all << existing;
    }
    for (int i = 0; i < definitions.size(); ++i) {
        for (int t = 0; t < definitions.at(i).targets.size(); ++t) {
            const SyncTarget &target = definitions.at(i).targets.at(t);
            for (const SyncDefinition &other : std::as_const(all)) {
                if (other.name == definitions.at(i).name)
                    continue;
                if (std::any_of(other.targets.cbegin(), other.targets.cend(), [&](const SyncTarget &o) { return sameList(o, target); }))
                    warnings.append({QStringLiteral("$.definitions[%1].targets[%2].list").arg(i).arg(t),
                        QCoreApplication::translate("SyncBridge::DefinitionReader",
                            "'%1' writes to the list '%2' too. Each definition keeps to its own items, but their rows mix in the "
                            "list, and each one's deletes see only its own.")
                            .arg(other.name, target.listName)});
            }
        }
    }
    return success();
}

} // namespace

Result<ImportOutcome> importDefinitions(const MetaStore &store, const QByteArray &document, DefinitionRepository::StateChange stateChange,
    const std::optional<PasswordLookup> &passwords)
{
    DefinitionsDocument parsed = parseDefinitionsDocument(document);
    ImportOutcome outcome;
    outcome.issues = parsed.issues;

    ConnectionRepository connections(store);
    auto databases = connections.databases();
    if (!databases)
        return databases.error();
    auto sharePoint = connections.sharePointConnections();
    if (!sharePoint)
        return sharePoint.error();
    QHash<QString, qint64> databaseIds;
    for (const Database &database : std::as_const(*databases))
        databaseIds.insert(database.name, database.id);
    QHash<QString, qint64> connectionIds;
    for (const SharePointConnection &connection : std::as_const(*sharePoint))
        connectionIds.insert(connection.name, connection.id);
    for (int i = 0; i < parsed.definitions.size(); ++i) {
        SyncDefinition &definition = parsed.definitions[i];
        const QString path = QStringLiteral("$.definitions[%1]").arg(i);
        if (!definition.source.databaseName.isEmpty()) {
            definition.source.databaseId = databaseIds.value(definition.source.databaseName);
            if (definition.source.databaseId == 0)
                outcome.issues.append({path + QStringLiteral(".source.database"),
                                       QCoreApplication::translate("SyncBridge::DefinitionReader", "no database connection is called '%1'").arg(definition.source.databaseName)});
        }
        outcome.issues.append(expressionIssues(definition, path)); // rule conditions and transforms parse
        for (int t = 0; t < definition.targets.size(); ++t) {
            SyncTarget &target = definition.targets[t];
            if (target.connectionName.isEmpty())
                continue;
            target.connectionId = connectionIds.value(target.connectionName);
            if (target.connectionId == 0)
                outcome.issues.append({QStringLiteral("%1.targets[%2].connection").arg(path).arg(t),
                                       QCoreApplication::translate("SyncBridge::DefinitionReader", "no SharePoint connection is called '%1'").arg(target.connectionName)});
        }
    }
    if (!outcome.ok())
        return outcome;
    auto checked = checkImportedDefinitions(store, parsed.definitions, passwords);
    if (!checked)
        return checked.error();
    outcome.issues << checked->problems;
    if (!outcome.ok())
        return outcome;
    outcome.warnings << checked->warnings;
    auto warned = addCursorWarnings(store, parsed.definitions, outcome.warnings);
    if (!warned)
        return warned.error();
    auto shared = addSharedListWarnings(store, parsed.definitions, outcome.warnings);
    if (!shared)
        return shared.error();

    DefinitionRepository repository(store);
    QSqlDatabase db = store.connection();
    const Error refused(ErrorCode::NeedsConfirmation, {});
    auto written = inTransaction(db, [&]() -> Result<void> {
        for (int i = 0; i < parsed.definitions.size(); ++i) {
            SyncDefinition &definition = parsed.definitions[i];
            auto existing = repository.byName(definition.name);
            if (existing) {
                definition.id = existing->id;
                ++outcome.replaced;
            } else if (existing.error().code() == ErrorCode::NotFound) {
                ++outcome.created;
            } else {
                return existing.error();
            }
            auto saved = repository.saveInCurrentTransaction(definition, stateChange);
            if (!saved && saved.error().code() == ErrorCode::NeedsConfirmation) {
                outcome.resetsToConfirm.append({QStringLiteral("$.definitions[%1]").arg(i), saved.error().message()});
                continue;
            }
            if (!saved)
                return saved.error();
        }
        return outcome.ok() ? success() : Result<void>(refused); // all or nothing
    });
    if (!written && written.error().code() != ErrorCode::NeedsConfirmation)
        return written.error();
    if (!outcome.ok())
        outcome.created = outcome.replaced = 0;
    return outcome;
}

} // namespace SyncBridge
