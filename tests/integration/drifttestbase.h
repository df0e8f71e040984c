#pragma once
// What the drift suites share: the demo push of a copy of `projects` into three lists ("D Large",
// "D Active", "D Other"), a drift check run to its end, and edits of the lists as a person makes them.
#include "pushtestbase.h"

#include "drift/driftcheck.h"
#include "drift/repairrun.h"

namespace SyncBridge::Test {

class DriftTestBase : public PushTestBase
{
protected:
    static constexpr int projectRows = 300;
    const QString definitionName = QStringLiteral("Drift");
    const QString adele = QStringLiteral("AdeleV@contoso.onmicrosoft.com");

    // drift_projects: the first 300 demo projects; the definition is the demo push's, lists "D …".
    void startDrift()
    {
        startWith({});
        sql(QStringLiteral("CREATE TABLE drift_projects AS SELECT * FROM projects WHERE id <= %1").arg(projectRows));
        sql(QStringLiteral("ALTER TABLE drift_projects ADD PRIMARY KEY (id)"));
        QJsonObject definition = definitionJson(definitionName, QStringLiteral("D "));
        definition.insert(QStringLiteral("source"),
            QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("drift_projects")}});
        importDefinitionsJson({definition});
        const RunOutcome pushed = push(definitionName);
        QVERIFY2(pushed.status == RunStatus::Succeeded, qPrintable(pushed.message));
    }

    DriftReport check(std::optional<Error> *error = nullptr, const QString &definition = {})
    {
        DriftCheck drift(
            m_store, m_secrets, [this](const SharePointConnection &) { return m_governor; },
            idOf(definition.isEmpty() ? definitionName : definition));
        await<bool>([&](auto done) {
            QObject::connect(&drift, &DriftCheck::finished, &drift, [done]() { done(true); });
            drift.start();
        });
        if (error)
            *error = drift.error();
        else if (drift.error())
            qWarning().noquote() << "drift check failed:" << drift.error()->toString();
        return drift.report();
    }

    RunOutcome repair(bool preview, std::function<bool(const MassDeleteCheck &)> approve = {}, const QString &classes = {})
    {
        RunOptions options;
        options.repair = true;
        options.dryRun = preview;
        options.repairClasses = classes;
        RepairRun run(
            m_store, m_secrets, [this](const SharePointConnection &) { return m_governor; }, idOf(definitionName), options);
        run.setMassDeleteApproval(std::move(approve));
        return await<RunOutcome>([&](auto done) {
            QObject::connect(&run, &RepairRun::finished, &run, [done](const RunOutcome &outcome) { done(outcome); });
            run.start();
        });
    }
    // The emulator's write requests so far.
    qint64 writeRequests()
    {
        const QJsonObject kinds
            = m_emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("requestsByKind")).toObject();
        qint64 writes = 0;
        for (const char *kind : {"batch", "items.create", "items.update", "items.delete", "lists.write", "columns.write"})
            writes += kinds.value(QLatin1String(kind)).toInteger();
        return writes;
    }

    QString listId(const QString &name) { return m_emulator.list(name).value(QStringLiteral("id")).toString(); }
    QJsonArray items(const QString &name)
    {
        return m_emulator.admin("GET", QStringLiteral("/lists/%1/items").arg(listId(name))).json().value(QStringLiteral("items")).toArray();
    }
    QJsonObject personEdit(const QJsonObject &fields)
    {
        return QJsonObject{{QStringLiteral("user"), adele}, {QStringLiteral("fields"), fields}};
    }
    int addItem(const QString &list, const QJsonObject &fields)
    {
        return m_emulator.admin("POST", QStringLiteral("/lists/%1/items").arg(listId(list)), personEdit(fields)).status;
    }
    int editItem(const QString &list, const QString &itemId, const QJsonObject &fields)
    {
        return m_emulator.admin("PATCH", QStringLiteral("/lists/%1/items/%2").arg(listId(list), itemId), personEdit(fields)).status;
    }
    int deleteItem(const QString &list, const QString &itemId)
    {
        return m_emulator.admin("DELETE", QStringLiteral("/lists/%1/items/%2").arg(listId(list), itemId), personEdit({})).status;
    }
};

} // namespace SyncBridge::Test
