#include "store/definitionimporter.h"

#include "store/connectionrepository.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"
#include "store/sql.h"

#include <QCoreApplication>
#include <QHash>

namespace SyncBridge {

Result<ImportOutcome> importDefinitions(const MetaStore &store, const QByteArray &document)
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

    DefinitionRepository repository(store);
    QSqlDatabase db = store.connection();
    auto written = inTransaction(db, [&]() -> Result<void> {
        for (SyncDefinition &definition : parsed.definitions) {
            auto existing = repository.byName(definition.name);
            if (existing) {
                definition.id = existing->id;
                ++outcome.replaced;
            } else if (existing.error().code() == ErrorCode::NotFound) {
                ++outcome.created;
            } else {
                return existing.error();
            }
            auto saved = repository.saveInCurrentTransaction(definition);
            if (!saved)
                return saved.error();
        }
        return success();
    });
    if (!written)
        return written.error();
    return outcome;
}

} // namespace SyncBridge
