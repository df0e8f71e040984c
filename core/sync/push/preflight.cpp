// PushRun, part 7: the definition checked against the table and the lists as they are now, before
// anything is planned — a run never starts on a definition that would do the wrong thing.
#include "sync/definitioncheck.h"
#include "sync/push/pushrun.h"

#include "model/definitionjson.h"
#include "source/sourcereader.h"
#include "store/importchecks.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace SyncBridge {

Error PushRun::draftRefusal() const
{
    // A definition saved with problems is saved disabled (the editor's drafts): it is refused with
    // what the import's checks find in it, against the catalog — nothing is read or written.
    QList<ValidationIssue> problems
        = parseDefinitionsDocument(QJsonDocument(QJsonObject{{QStringLiteral("format"), definitionsFormat},
                                                     {QStringLiteral("definitions"), QJsonArray{definitionToJson(m_definition)}}})
                                       .toJson())
              .issues;
    if (problems.isEmpty()) {
        if (auto checked = checkImportedDefinitions(*m_store, {m_definition}, std::nullopt))
            problems << checked->problems;
    }
    for (ValidationIssue &issue : problems)
        issue.path.replace(QStringLiteral("$.definitions[0]"), QStringLiteral("$"));
    QString message = QCoreApplication::translate(
        "SyncBridge::Sync", "'%1' is a disabled draft: it runs once it is enabled (General, in Definitions). Nothing was read or written.")
                          .arg(m_definition.name);
    if (!problems.isEmpty())
        message += QLatin1Char('\n')
            + QCoreApplication::translate("SyncBridge::Sync", "To fix before it can run (%n problem(s)):", nullptr, int(problems.size()))
            + QLatin1Char('\n') + describeIssues(problems);
    return Error(ErrorCode::InvalidInput, message);
}

Result<void> PushRun::checkDefinition() const
{
    DefinitionFacts facts;
    facts.table = m_table;
    for (const ResolvedTarget &target : m_targets) {
        if (target.listId.isEmpty()) { // a list that does not exist yet: provisioning will make it
            facts.listColumns << std::nullopt;
            continue;
        }
        facts.listColumns << QList<SharePointColumn>(target.columns.cbegin(), target.columns.cend());
    }
    const DefinitionCheck check = SyncBridge::checkDefinition(m_definition, facts);
    if (!check.ok())
        return Error(ErrorCode::InvalidInput,
            QCoreApplication::translate("SyncBridge::Sync", "The definition cannot run as it is (%n problem(s)); nothing was read or written:", nullptr,
                int(check.problems.size()))
                + QLatin1Char('\n') + describeIssues(check.problems));
    if (!check.keyNeedsCounting)
        return success();
    // Rows that share a key would be written into one item, and the twin check would take the
    // other rows' items for duplicates: no unique index says they cannot, so count.
    const QStringList keyColumns = keyColumnsOf(m_definition, m_table);
    auto duplicates = m_source->duplicateKeys(m_table, keyColumns);
    if (!duplicates)
        return duplicates.error();
    if (duplicates->sharedValues > 0)
        return Error(ErrorCode::InvalidInput, duplicateKeyMessage(keyColumns, *duplicates));
    return success();
}

} // namespace SyncBridge
