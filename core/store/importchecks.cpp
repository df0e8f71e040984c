#include "store/importchecks.h"

#include "common/clock.h"
#include "source/probe.h"
#include "source/tablereads.h"
#include "store/catalogrepository.h"
#include "store/connectionrepository.h"
#include "store/storedcatalog.h"
#include "sync/definitioncheck.h"
#include "sync/mappingadvisor.h"

#include <QCoreApplication>
#include <QHash>

namespace SyncBridge {
namespace {

class Checker
{
public:
    Checker(const MetaStore &store, const std::optional<PasswordLookup> &passwords)
        : m_store(store)
        , m_passwords(passwords)
    {
    }

    Result<void> check(const SyncDefinition &definition, const QString &path, ImportChecks &checks);

private:
    Result<QList<TableInfo>> tablesOf(qint64 databaseId);
    Result<bool> refresh(const Database &database); // false: the source could not be reached (a warning says why)
    Result<std::optional<QList<SharePointColumn>>> recordedColumns(const SyncTarget &target);

    const MetaStore &m_store;
    std::optional<PasswordLookup> m_passwords;
    QHash<qint64, QList<TableInfo>> m_tables;
    QSet<qint64> m_refreshed;
    QHash<qint64, QString> m_unreachable; // database id → why introspecting it failed
};

Result<QList<TableInfo>> Checker::tablesOf(qint64 databaseId)
{
    if (!m_tables.contains(databaseId)) {
        auto tables = CatalogRepository(m_store).tables(databaseId);
        if (!tables)
            return tables.error();
        m_tables.insert(databaseId, *tables);
    }
    return m_tables.value(databaseId);
}

Result<bool> Checker::refresh(const Database &database)
{
    if (!m_passwords || m_unreachable.contains(database.id))
        return false;
    if (m_refreshed.contains(database.id))
        return true;
    auto report = introspectDatabase(database, *m_passwords);
    if (!report) {
        m_unreachable.insert(database.id, report.error().message());
        return false;
    }
    auto saved = CatalogRepository(m_store).saveIntrospection(database.id, report->tables, Clock::system().nowUtc());
    if (!saved)
        return saved.error();
    m_tables.insert(database.id, report->tables);
    m_refreshed.insert(database.id);
    return true;
}

Result<std::optional<QList<SharePointColumn>>> Checker::recordedColumns(const SyncTarget &target)
{
    CatalogRepository catalog(m_store);
    auto sites = catalog.sites(target.connectionId);
    if (!sites)
        return sites.error();
    for (const SharePointSite &site : std::as_const(*sites)) {
        if (!isSite(site, target.site))
            continue;
        auto lists = catalog.lists(site.id);
        if (!lists)
            return lists.error();
        for (const SharePointList &list : std::as_const(*lists)) {
            if (list.displayName.compare(target.listName, Qt::CaseInsensitive) == 0 || (!target.listGraphId.isEmpty() && list.graphId == target.listGraphId))
                return std::optional<QList<SharePointColumn>>(list.columns);
        }
    }
    return std::optional<QList<SharePointColumn>>(); // not recorded: the run provisions it from the table
}

Result<void> Checker::check(const SyncDefinition &definition, const QString &path, ImportChecks &checks)
{
    auto database = ConnectionRepository(m_store).database(definition.source.databaseId);
    if (!database)
        return database.error();
    const auto findTable = [&]() -> Result<std::optional<TableInfo>> {
        auto tables = tablesOf(database->id);
        if (!tables)
            return tables.error();
        for (const TableInfo &table : std::as_const(*tables)) {
            if (table.schema == definition.source.schema && table.name == definition.source.table)
                return std::optional<TableInfo>(table);
        }
        return std::optional<TableInfo>();
    };
    DefinitionFacts facts;
    for (const SyncTarget &target : definition.targets) {
        auto columns = recordedColumns(target);
        if (!columns)
            return columns.error();
        facts.listColumns << *columns;
    }
    auto table = findTable();
    if (!table)
        return table.error();
    DefinitionCheck check;
    if (*table) {
        facts.table = **table;
        check = checkDefinition(definition, facts, path);
    }
    // The catalog may be older than the table: read it again before refusing anything.
    if (!*table || !check.ok()) {
        auto refreshed = refresh(*database);
        if (!refreshed)
            return refreshed.error();
        if (*refreshed) {
            table = findTable();
            if (!table)
                return table.error();
            if (*table) {
                facts.table = **table;
                check = checkDefinition(definition, facts, path);
            }
        }
    }
    const QString qualified = definition.source.schema + QLatin1Char('.') + definition.source.table;
    if (!*table) {
        auto tables = tablesOf(database->id);
        if (!tables)
            return tables.error();
        // Definitions may be prepared where the source cannot be reached: the first run checks them.
        if (m_unreachable.contains(database->id) && tables->isEmpty()) {
            checks.warnings.append({path + QStringLiteral(".source.table"),
                QCoreApplication::translate("SyncBridge::DefinitionReader",
                    "not checked against %1: '%2' has never been introspected and cannot be reached (%3); the first run checks it.")
                    .arg(qualified, database->name, m_unreachable.value(database->id))});
        } else if (!tables->isEmpty() || m_passwords) {
            QStringList names;
            for (const TableInfo &known : std::as_const(*tables))
                names << known.qualifiedName();
            QString message
                = QCoreApplication::translate("SyncBridge::DefinitionReader", "'%1' has no table %2.").arg(database->name, qualified);
            if (const QString closest = closestName(qualified, names); !closest.isEmpty())
                message += QLatin1Char(' ') + QCoreApplication::translate("SyncBridge::DefinitionReader", "Did you mean %1?").arg(closest);
            checks.problems.append({path + QStringLiteral(".source.table"), message});
        }
        return success();
    }
    checks.problems << check.problems;
    checks.warnings << check.warnings;
    if (!check.ok() || !check.keyNeedsCounting || !m_passwords)
        return success();
    const QStringList keyColumns = keyColumnsOf(definition, **table);
    auto duplicates = findDuplicateKeys(*database, *m_passwords, **table, keyColumns);
    if (!duplicates)
        checks.warnings.append({path + QStringLiteral(".key"),
            QCoreApplication::translate("SyncBridge::DefinitionReader",
                "no unique index guarantees the key (%1), and counting it failed (%2); every run counts it before it starts.")
                .arg(keyColumns.join(QStringLiteral(", ")), duplicates.error().message())});
    else if (duplicates->sharedValues > 0)
        checks.problems.append({path + QStringLiteral(".key.columns"), duplicateKeyMessage(keyColumns, *duplicates)});
    return success();
}

} // namespace

Result<ImportChecks> checkImportedDefinitions(
    const MetaStore &store, const QList<SyncDefinition> &definitions, const std::optional<PasswordLookup> &passwords)
{
    ImportChecks checks;
    Checker checker(store, passwords);
    for (int i = 0; i < definitions.size(); ++i) {
        if (definitions.at(i).source.databaseId == 0)
            continue;
        if (auto checked = checker.check(definitions.at(i), QStringLiteral("$.definitions[%1]").arg(i), checks); !checked)
            return checked.error();
    }
    return checks;
}

} // namespace SyncBridge
