#pragma once

// What the pull suites share (tst_pullengine, tst_pullresilience): the demo environment, definitions
// in JSON, a pull run helper and items written through Graph as a person would.
#include "pushtestbase.h"

#include "sync/pull/pullrun.h"

namespace SyncBridge::Test {

inline QJsonObject pullMapping(const QString &column, const QString &field, const QString &direction, bool key = false)
{
    QJsonObject mapping{{QStringLiteral("source"), column}, {QStringLiteral("target"), field}, {QStringLiteral("direction"), direction}};
    if (key)
        mapping.insert(QStringLiteral("key"), true);
    return mapping;
}

// A LOOKUP mapping into the rows the definition `definition` syncs, or without one a PERSON mapping.
inline QJsonObject referenceMapping(const QString &column, const QString &field, const QString &direction, const QString &definition = {})
{
    QJsonObject mapping = pullMapping(column, field, direction);
    mapping.insert(QStringLiteral("kind"), definition.isEmpty() ? QStringLiteral("PERSON") : QStringLiteral("LOOKUP"));
    if (!definition.isEmpty())
        mapping.insert(QStringLiteral("references"), definition);
    return mapping;
}

// A PERSON mapping.
inline QJsonObject personMapping(const QString &column, const QString &field, const QString &direction)
{
    return referenceMapping(column, field, direction);
}

// A column of a list the emulator creates: its name and its type's facet ("text", {"maxLength": 40},
// "lookup": {…}).
inline QJsonObject listColumn(const QString &name, const QString &facet, const QJsonObject &settings = {})
{
    return QJsonObject{{QStringLiteral("name"), name}, {facet, settings}};
}

// Lists made by hand carry SyncBridge's hidden key column, as provisioning makes it.
inline QJsonObject keyColumn()
{
    QJsonObject key = listColumn(QStringLiteral("SyncBridgeKey"), QStringLiteral("text"), QJsonObject{{QStringLiteral("maxLength"), 64}});
    key.insert(QStringLiteral("hidden"), true);
    key.insert(QStringLiteral("indexed"), true);
    return key;
}

// A definition of `mode` between `table` and the list `list` of the pmo site.
inline QJsonObject syncDefinitionJson(const QString &name, const QString &mode, const QString &table, const QString &list,
    const QJsonArray &mappings, const QString &deletePolicy = QStringLiteral("DELETE"))
{
    return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("mode"), mode},
        {QStringLiteral("source"), QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), table}}},
        {QStringLiteral("cursor"),
            QJsonObject{
                {QStringLiteral("strategy"), QStringLiteral("UPDATED_AT")}, {QStringLiteral("column"), QStringLiteral("updated_at")}}},
        {QStringLiteral("targetStrategy"), QStringLiteral("SINGLE")},
        {QStringLiteral("targets"),
            QJsonArray{
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Main")}, {QStringLiteral("connection"), QStringLiteral("Emulator")},
                    {QStringLiteral("site"), QStringLiteral("contoso.sharepoint.com:/sites/pmo")}, {QStringLiteral("list"), list}}}},
        {QStringLiteral("deletes"), QJsonObject{{QStringLiteral("policy"), deletePolicy}, {QStringLiteral("maxShare"), 0.2}}},
        {QStringLiteral("mappings"), mappings}};
}

class PullTestBase : public PushTestBase
{
protected:
    RunOutcome pull(const QString &definition, std::function<bool(const MassDeleteCheck &)> approveMassDelete = {},
        const RunOptions &options = pushOptions(500))
    {
        const qint64 id = DefinitionRepository(*m_store).byName(definition)->id;
        PullRun run(
            m_store, m_secrets, [this](const SharePointConnection &) { return m_governor; }, id, options);
        run.setMassDeleteApproval(std::move(approveMassDelete));
        return await<RunOutcome>([&](auto done) {
            QObject::connect(&run, &PullRun::finished, &run, [done](const RunOutcome &outcome) { done(outcome); });
            run.start();
        });
    }

    QString itemsPath(const QString &listId) { return QStringLiteral("/sites/%1/lists/%2/items").arg(m_emulator.pmoSiteId(), listId); }

    // Creates an item through Graph; its id.
    QString addItem(const QString &listId, const QJsonObject &fields)
    {
        const auto created = m_emulator.graph("POST", itemsPath(listId), QJsonObject{{QStringLiteral("fields"), fields}});
        return created.json().value(QStringLiteral("id")).toString();
    }
    int editItem(const QString &listId, const QString &itemId, const QJsonObject &fields)
    {
        return m_emulator.graph("PATCH", itemsPath(listId) + QStringLiteral("/%1/fields").arg(itemId), fields).status;
    }
    int deleteItem(const QString &listId, const QString &itemId)
    {
        return m_emulator.graph("DELETE", itemsPath(listId) + QStringLiteral("/%1").arg(itemId)).status;
    }
    // The run's message and its failures per reason, for a failing comparison's message.
    static QString described(const RunOutcome &outcome)
    {
        QStringList reasons{outcome.message};
        for (auto it = outcome.failures.cbegin(); it != outcome.failures.cend(); ++it)
            reasons << QStringLiteral("%1 × %2").arg(it.value()).arg(it.key());
        return reasons.join(QLatin1Char('\n'));
    }
    qint64 definitionId(const QString &name) { return DefinitionRepository(*m_store).byName(name)->id; }
    // The list's items' fields (with "id"), keyed by one field's value as text.
    QHash<QString, QJsonObject> itemsByField(const QString &listId, const QString &field)
    {
        QHash<QString, QJsonObject> items;
        const QJsonArray all
            = m_emulator.admin("GET", QStringLiteral("/lists/%1/items").arg(listId)).json().value(QStringLiteral("items")).toArray();
        for (const QJsonValue &item : all) {
            QJsonObject fields = item.toObject().value(QStringLiteral("fields")).toObject();
            fields.insert(QStringLiteral("id"), item.toObject().value(QStringLiteral("id")).toVariant().toString());
            const QJsonValue key = fields.value(field);
            items.insert(key.isDouble() ? QString::number(key.toInteger()) : key.toString(), fields);
        }
        return items;
    }

    // The list's columns through Graph, by internal name.
    QJsonObject columnsOf(const QString &listName)
    {
        const QString listId = m_emulator.list(listName).value(QStringLiteral("id")).toString();
        QJsonObject columns;
        for (const QJsonValue &column :
            m_emulator.graph("GET", QStringLiteral("/sites/%1/lists/%2/columns").arg(m_emulator.pmoSiteId(), listId))
                .json()
                .value(QStringLiteral("value"))
                .toArray())
            columns.insert(column.toObject().value(QStringLiteral("name")).toString(), column);
        return columns;
    }
};

} // namespace SyncBridge::Test
