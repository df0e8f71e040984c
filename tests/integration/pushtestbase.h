#pragma once

// What the push-engine suites share (tst_pushengine, tst_pushresilience, tst_pushdeletes): the demo
// environment, definitions of the demo push, a run helper, the lists as the emulator holds them, and
// the exactly-once check.
#include "await.h"
#include "demoenvironment.h"
#include "pushoptions.h"
#include "testpaths.h"

#include "graph/governor.h"
#include "store/definitionimporter.h"
#include "store/definitionrepository.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/runrepository.h"
#include "sync/push/pushrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

#include <csignal>

namespace SyncBridge::Test {

// The demo push of `projects`: lists "<prefix>Large" (budget >= 4,000,000), "<prefix>Active" and
// "<prefix>Other", seven mapped columns plus project_code as Title.
inline QJsonObject definitionJson(const QString &name, const QString &prefix)
{
    const auto target = [&](const char *id, const char *list) {
        return QJsonObject{{QStringLiteral("name"), QLatin1String(id)}, {QStringLiteral("connection"), QStringLiteral("Emulator")},
                           {QStringLiteral("site"), QStringLiteral("contoso.sharepoint.com:/sites/pmo")}, {QStringLiteral("list"), prefix + QLatin1String(list)}};
    };
    QJsonArray mappings;
    for (const char *column : {"name", "status", "budget_amount", "start_date", "manager_email", "tags", "updated_at"})
        mappings.append(QJsonObject{{QStringLiteral("source"), QLatin1String(column)}, {QStringLiteral("target"), QLatin1String(column)},
                                    {QStringLiteral("direction"), QStringLiteral("PUSH_ONLY")}});
    mappings.append(QJsonObject{{QStringLiteral("source"), QStringLiteral("project_code")}, {QStringLiteral("target"), QStringLiteral("Title")},
                                {QStringLiteral("direction"), QStringLiteral("PUSH_ONLY")}, {QStringLiteral("key"), true}});
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("source"), QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("projects")}}},
        {QStringLiteral("cursor"), QJsonObject{{QStringLiteral("strategy"), QStringLiteral("UPDATED_AT")}, {QStringLiteral("column"), QStringLiteral("updated_at")}}},
        {QStringLiteral("targetStrategy"), QStringLiteral("CONDITIONAL")},
        {QStringLiteral("targets"), QJsonArray{target("Large", "Large"), target("Active", "Active"), target("Other", "Other")}},
        {QStringLiteral("sharding"), QJsonObject{{QStringLiteral("rules"), QJsonArray{
                                                     QJsonObject{{QStringLiteral("condition"), QStringLiteral("budget_amount >= 4000000")}, {QStringLiteral("target"), QStringLiteral("Large")}},
                                                     QJsonObject{{QStringLiteral("condition"), QStringLiteral("status == 'Active'")}, {QStringLiteral("target"), QStringLiteral("Active")}}}},
                                                 {QStringLiteral("default"), QStringLiteral("Other")}}},
        {QStringLiteral("mappings"), mappings}};
}

// FULL_SCAN over scan_projects into one list, deleting the items of rows gone from the source.
inline QJsonObject fullScanDefinitionJson()
{
    QJsonObject definition = definitionJson(QStringLiteral("Scan"), QStringLiteral("S "));
    definition.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("scan_projects")}});
    definition.insert(QStringLiteral("cursor"), QJsonObject{{QStringLiteral("strategy"), QStringLiteral("FULL_SCAN")}});
    definition.insert(QStringLiteral("targetStrategy"), QStringLiteral("SINGLE"));
    definition.insert(QStringLiteral("targets"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("All")}, {QStringLiteral("connection"), QStringLiteral("Emulator")},
                                                                        {QStringLiteral("site"), QStringLiteral("contoso.sharepoint.com:/sites/pmo")},
                                                                        {QStringLiteral("list"), QStringLiteral("S All")}}});
    definition.remove(QStringLiteral("sharding"));
    definition.insert(QStringLiteral("deletes"), QJsonObject{{QStringLiteral("policy"), QStringLiteral("DELETE")}, {QStringLiteral("maxShare"), 0.2}});
    return definition;
}

class PushTestBase : public QObject
{
protected:
    DemoEnvironment m_demo;
    PostgresFixture &m_postgres = m_demo.postgres();
    EmulatorProcess &m_emulator = m_demo.emulator();
    MemorySecretStore &m_secrets = m_demo.secrets();
    std::shared_ptr<MetaStore> m_store;
    std::shared_ptr<Governor> m_governor;

    // Starts the environment (for initTestCase) and imports the definitions.
    void startWith(const QJsonArray &definitions)
    {
        QString error;
        QVERIFY2(m_demo.start(&error), qPrintable(error));
        m_store = m_demo.store();
        GovernorSettings unlimited;
        unlimited.ruPerWindow = 1000000;
        m_governor = std::make_shared<Governor>(unlimited);
        if (!definitions.isEmpty())
            importDefinitionsJson(definitions);
    }

    void importDefinitionsJson(const QJsonArray &definitions)
    {
        auto imported = importDefinitions(*m_store, QJsonDocument(QJsonObject{{QStringLiteral("definitions"), definitions}}).toJson());
        QVERIFY(imported.ok() && imported->ok());
    }

    QString sql(const QString &statement) { return m_postgres.query(QStringLiteral("demo"), statement).value(); }

    qint64 idOf(const QString &name) { return DefinitionRepository(*m_store).byName(name)->id; }

    // The emulator answers each request after a random delay in [minMs, maxMs]: a run takes long
    // enough to be stopped, killed or raced mid-push.
    void slowEmulator(int minMs, int maxMs)
    {
        m_emulator.admin("PATCH", QStringLiteral("/config"),
            {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMinMs"), minMs}, {QStringLiteral("randomMaxMs"), maxMs}}}});
    }

    // The definition's runs, newest first.
    QList<SyncRun> runsOf(const QString &definition)
    {
        RunFilter filter;
        filter.definitionId = idOf(definition);
        return RunRepository(*m_store).runs(filter).value();
    }

    // What syncbridge-cli gets: the demo's secrets as SYNCBRIDGE_SECRET_* variables (--secrets env).
    QProcessEnvironment cliEnvironment()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), m_postgres.password()); // a PostgreSQL meta-store's
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_demo.path(QStringLiteral("xdg")));
        environment.insert(QStringLiteral("SYNCBRIDGE_SECRET_POSTGRES_DEMO"), m_postgres.password());
        environment.insert(QStringLiteral("SYNCBRIDGE_SECRET_SHAREPOINT_DEMO"), QStringLiteral("demo-secret"));
        return environment;
    }

    // `syncbridge-cli <arguments>` on the suite's meta-store (or `store`), secrets from `environment`.
    void startCliCommand(QProcess &process, const QStringList &arguments, const QProcessEnvironment &environment, const QString &store = {})
    {
        process.setProcessEnvironment(environment);
        process.start(cliPath(),
            QStringList{QStringLiteral("--store"), store.isEmpty() ? m_demo.path(QStringLiteral("store.db")) : store,
                QStringLiteral("--secrets"), QStringLiteral("env")}
                + arguments);
    }

    // Ends a `syncbridge-cli run` as a crash would: SIGKILL while it still runs (counted in `kills`);
    // one that ended before must have ended as a run does, not refused (exit code 2).
    void killIfRunning(QProcess &cli, int &kills)
    {
        if (cli.state() == QProcess::Running) {
            ::kill(pid_t(cli.processId()), SIGKILL);
            ++kills;
            QVERIFY(cli.waitForFinished(30000));
            return;
        }
        QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() != 2,
            qPrintable(QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError())));
    }

    // `syncbridge-cli run <definition>` on the suite's meta-store (or `store`), secrets from the environment.
    void startCli(QProcess &process, const QString &definition,
        const QStringList &options = {QStringLiteral("--page-size"), QStringLiteral("50")}, const QString &store = {})
    {
        startCliCommand(process, QStringList{QStringLiteral("run"), definition} + options, cliEnvironment(), store);
    }

    RunOutcome push(const QString &definition, RunOptions options = pushOptions(500),
        std::function<bool(const MassDeleteCheck &)> approveMassDelete = {}, std::function<void(const RunProgress &)> onProgress = {})
    {
        const qint64 id = DefinitionRepository(*m_store).byName(definition)->id;
        PushRun run(m_store, m_secrets, m_governor, id, options);
        run.setMassDeleteApproval(std::move(approveMassDelete));
        if (onProgress)
            QObject::connect(&run, &PushRun::progress, &run, onProgress);
        return await<RunOutcome>([&](auto done) {
            QObject::connect(&run, &PushRun::finished, &run, [done](const RunOutcome &outcome) { done(outcome); });
            run.start();
        });
    }

    // Another definition of the demo push (lists named with the prefix), optionally on another database.
    void addDefinition(const QString &name, const QString &prefix, const QString &database = QStringLiteral("Demo"))
    {
        QJsonObject definition = definitionJson(name, prefix);
        definition.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("database"), database}, {QStringLiteral("table"), QStringLiteral("projects")}});
        importDefinitionsJson({definition});
    }

    // The item of a project in the lists of a definition, by project_code (Title).
    QJsonObject fieldsOf(const QString &prefix, const QString &projectCode)
    {
        for (const QJsonArray &items : listContents(prefix)) {
            for (const QJsonValue &item : items) {
                const QJsonObject fields = item.toObject().value(QStringLiteral("fields")).toObject();
                if (fields.value(QStringLiteral("Title")).toString() == projectCode)
                    return fields;
            }
        }
        return {};
    }

    // The demo push (definitionJson) of `table`, a copy of projects, as definition `name` into lists named with `prefix`.
    void importDefinitionOf(const QString &table, const QString &name, const QString &prefix)
    {
        QJsonObject definition = definitionJson(name, prefix);
        definition.insert(
            QStringLiteral("source"), QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), table}});
        importDefinitionsJson({definition});
    }

    QString code(int id) { return sql(QStringLiteral("SELECT project_code FROM projects WHERE id = %1").arg(id)); }

    // List id → items (id, fields) as the emulator holds them.
    QHash<QString, QJsonArray> listContents(const QString &prefix)
    {
        QHash<QString, QJsonArray> contents;
        for (const QJsonValue &site : m_emulator.admin("GET", QStringLiteral("/index")).json().value(QStringLiteral("sites")).toArray()) {
            for (const QJsonValue &list : site.toObject().value(QStringLiteral("lists")).toArray()) {
                const QString name = list.toObject().value(QStringLiteral("displayName")).toString();
                if (name.startsWith(prefix))
                    contents.insert(name.mid(prefix.size()),
                                    m_emulator.admin("GET", QStringLiteral("/lists/%1/items").arg(list.toObject().value(QStringLiteral("id")).toString()))
                                        .json().value(QStringLiteral("items")).toArray());
            }
        }
        return contents;
    }

    // Every row exactly once, in the list its route says, keyed by its identity hash; no twins.
    void verifyExactlyOnce(const QString &definitionName, const QString &prefix, PostgresFixture *source = nullptr)
    {
        const auto count = [&](const QString &statement) {
            return (source ? source : &m_postgres)->query(QStringLiteral("demo"), statement).value().toInt();
        };
        const QHash<QString, QJsonArray> contents = listContents(prefix);
        QHash<QString, QString> listOfKey;
        int items = 0;
        for (auto it = contents.constBegin(); it != contents.constEnd(); ++it) {
            for (const QJsonValue &item : it.value()) {
                const QString key = item.toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("SyncBridgeKey")).toString();
                QVERIFY2(!key.isEmpty(), "an item without SyncBridgeKey");
                QVERIFY2(!listOfKey.contains(key),
                    qPrintable(QStringLiteral("duplicate SyncBridgeKey %1 (item %2 in %3)")
                                   .arg(key, item.toObject().value(QStringLiteral("id")).toString(), it.key())));
                listOfKey.insert(key, it.key());
                ++items;
            }
        }
        const int rows = count(QStringLiteral("SELECT count(*) FROM projects"));
        QCOMPARE(items, rows);
        QCOMPARE(contents.value(QStringLiteral("Large")).size(), count(QStringLiteral("SELECT count(*) FROM projects WHERE budget_amount >= 4000000")));
        QCOMPARE(contents.value(QStringLiteral("Active")).size(),
                 count(QStringLiteral("SELECT count(*) FROM projects WHERE status = 'Active' AND (budget_amount < 4000000 OR budget_amount IS NULL)")));
        const qint64 definitionId = DefinitionRepository(*m_store).byName(definitionName)->id;
        const auto ledger = LedgerRepository(*m_store).entries(definitionId);
        QCOMPARE(ledger->size(), rows);
        for (const LedgerEntry &entry : std::as_const(*ledger)) {
            QCOMPARE(entry.state, LedgerState::Synced);
            QVERIFY(listOfKey.contains(entry.identityHash));
        }
    }
};

} // namespace SyncBridge::Test
