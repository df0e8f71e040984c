// Editing how a synced definition reads and identifies its rows, against a real PostgreSQL and the
// emulator: the edit is refused until the reset is confirmed, and after it nothing is duplicated —
// new key columns re-identify the existing items (and rewrite their SyncBridgeKey), a new change
// detection reads every row once and writes only what changed. A NULL key is refused on its row.
#include "pushtestbase.h"
#include "testpaths.h"

#include "store/runrepository.h"
#include "sync/identity.h"

#include <QFile>
#include <QProcess>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestDefinitionChanges : public PushTestBase
{
    Q_OBJECT

    qint64 m_id = 0;

    // `syncbridge-cli definitions import` of one definition: exit code and standard error.
    QPair<int, QString> importWithCli(const QJsonObject &definition, const QStringList &options = {})
    {
        const QString file = m_demo.path(QStringLiteral("changed.json"));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {-1, out.errorString()};
        out.write(QJsonDocument(QJsonObject{{QStringLiteral("definitions"), QJsonArray{definition}}}).toJson());
        out.close();
        QProcess process;
        process.start(cliPath(),
            QStringList{QStringLiteral("--store"), m_demo.path(QStringLiteral("store.db")), QStringLiteral("definitions"),
                QStringLiteral("import"), file}
                + options);
        if (!process.waitForFinished(60000))
            return {-1, QStringLiteral("timed out")};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardError())};
    }

    Result<ImportOutcome> reimport(const QJsonObject &definition, DefinitionRepository::StateChange stateChange)
    {
        return importDefinitions(
            *m_store, QJsonDocument(QJsonObject{{QStringLiteral("definitions"), QJsonArray{definition}}}).toJson(), stateChange);
    }

    static QJsonObject keyedBy(QJsonObject definition, const QStringList &columns)
    {
        definition.insert(QStringLiteral("key"),
            QJsonObject{{QStringLiteral("strategy"), QStringLiteral("COMPOSITE_COLUMNS")},
                {QStringLiteral("columns"), QJsonArray::fromStringList(columns)}});
        return definition;
    }

private slots:
    void initTestCase()
    {
        startWith({definitionJson(QStringLiteral("Changing"), QStringLiteral("C "))});
        QCOMPARE(push(QStringLiteral("Changing")).counters.created, 5000);
        m_id = DefinitionRepository(*m_store).byName(QStringLiteral("Changing"))->id;
    }

    void newKeyColumnsAreRefusedUntilTheResetIsConfirmed()
    {
        const QJsonObject edited
            = keyedBy(definitionJson(QStringLiteral("Changing"), QStringLiteral("C ")), {QStringLiteral("project_code")});
        const auto [exitCode, err] = importWithCli(edited);
        QCOMPARE(exitCode, 65);
        QVERIFY2(err.contains(QStringLiteral("key columns: the primary key → project_code")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("import again with --reset")), qPrintable(err));
        QVERIFY(DefinitionRepository(*m_store).byId(m_id)->keyColumns.isEmpty()); // nothing written
        QVERIFY(LedgerRepository(*m_store).cursor(m_id, QStringLiteral("push"))->has_value());

        SyncDefinition direct = *DefinitionRepository(*m_store).byId(m_id);
        direct.cursorStrategy = CursorStrategy::FullScan;
        const auto saved = DefinitionRepository(*m_store).save(direct);
        QVERIFY(!saved);
        QCOMPARE(saved.error().code(), ErrorCode::NeedsConfirmation);
        QVERIFY(saved.error().message().contains(QStringLiteral("change detection: UPDATED_AT → FULL_SCAN")));
    }

    void newKeyColumnsReidentifyTheItemsInsteadOfDuplicatingThem()
    {
        // On the code before the re-keying, every row got a new identity and was created again.
        const QJsonObject edited
            = keyedBy(definitionJson(QStringLiteral("Changing"), QStringLiteral("C ")), {QStringLiteral("project_code")});
        const auto [exitCode, err] = importWithCli(edited, {QStringLiteral("--reset")});
        QVERIFY2(exitCode == 0, qPrintable(err));
        QVERIFY(!LedgerRepository(*m_store).cursor(m_id, QStringLiteral("push"))->has_value());
        QVERIFY(*LedgerRepository(*m_store).rekeyRequested(m_id));
        sql(QStringLiteral("UPDATE projects SET name = name || ' (after the key change)' WHERE id = 11"));

        QList<RunPhase> phases;
        const RunOutcome run = push(QStringLiteral("Changing"), pushOptions(500), {}, [&](const RunProgress &progress) {
            if (phases.isEmpty() || phases.constLast() != progress.phase)
                phases << progress.phase;
        });
        QVERIFY2(run.status == RunStatus::Succeeded, qPrintable(run.message));
        const auto events = RunRepository(*m_store).events(run.runId);
        QVERIFY(events.ok());
        qint64 matched = -1;
        for (const RunEvent &event : events.value()) {
            if (event.type == QStringLiteral("rekeyed"))
                matched = event.payload.value(QStringLiteral("matched")).toInteger();
        }
        QCOMPARE(matched, 5000);
        QVERIFY(phases.contains(RunPhase::Rekeying));
        QCOMPARE(run.counters.created, 0);
        QCOMPARE(run.counters.rowsRead, 5000);
        QCOMPARE(run.counters.updated, 5000); // each item once: its fields and its new SyncBridgeKey
        QVERIFY(!*LedgerRepository(*m_store).rekeyRequested(m_id));
        verifyExactlyOnce(QStringLiteral("Changing"), QStringLiteral("C ")); // SyncBridgeKey = the new identity

        const QString code = sql(QStringLiteral("SELECT project_code FROM projects WHERE id = 11"));
        const QString hash = rowIdentity({QStringLiteral("project_code")}, {code}, DefinitionRepository(*m_store).byId(m_id)->keySalt).hash;
        const auto entry = LedgerRepository(*m_store).lookup(m_id, {hash});
        QCOMPARE(entry->size(), 1);
        QCOMPARE(entry->value(hash).identityText, QStringLiteral("project_code=") + code);
        bool found = false;
        for (const QJsonArray &items : listContents(QStringLiteral("C "))) {
            for (const QJsonValue &item : items) {
                const QJsonObject fields = item.toObject().value(QStringLiteral("fields")).toObject();
                if (fields.value(QStringLiteral("SyncBridgeKey")).toString() == hash) {
                    found = true;
                    QVERIFY(fields.value(QStringLiteral("name")).toString().endsWith(QStringLiteral(" (after the key change)")));
                }
            }
        }
        QVERIFY(found);

        const RunOutcome quiet = push(QStringLiteral("Changing"));
        QCOMPARE(quiet.counters.created + quiet.counters.updated, 0);
    }

    void aNewChangeDetectionReadsEveryRowOnceAndWritesOnlyChanges()
    {
        QJsonObject edited = keyedBy(definitionJson(QStringLiteral("Changing"), QStringLiteral("C ")), {QStringLiteral("project_code")});
        edited.insert(QStringLiteral("cursor"), QJsonObject{{QStringLiteral("strategy"), QStringLiteral("FULL_SCAN")}});
        QVERIFY(!reimport(edited, DefinitionRepository::StateChange::Refuse)->ok());
        QVERIFY(reimport(edited, DefinitionRepository::StateChange::Reset)->ok());
        QVERIFY(!*LedgerRepository(*m_store).rekeyRequested(m_id)); // same key: the identities stay
        sql(QStringLiteral("UPDATE projects SET name = name || ' (scanned)' WHERE id = 12"));
        const RunOutcome run = push(QStringLiteral("Changing"));
        QVERIFY2(run.status == RunStatus::Succeeded, qPrintable(run.message));
        QCOMPARE(run.counters.rowsRead, 5000);
        QCOMPARE(run.counters.created, 0);
        QCOMPARE(run.counters.updated, 1);
        verifyExactlyOnce(QStringLiteral("Changing"), QStringLiteral("C "));
    }

    void aNullKeyIsReportedOnItsRowAndNeverTakesTheEmptyKeysItem()
    {
        sql(QStringLiteral("CREATE TABLE coded_projects (LIKE projects INCLUDING ALL);"
                           " ALTER TABLE coded_projects ADD COLUMN code TEXT;"
                           " INSERT INTO coded_projects OVERRIDING SYSTEM VALUE SELECT *, 'C-' || id FROM projects WHERE id <= 3;"
                           " UPDATE coded_projects SET code = '' WHERE id = 2;"
                           " UPDATE coded_projects SET code = NULL WHERE id = 3"));
        QJsonObject definition = keyedBy(definitionJson(QStringLiteral("Coded"), QStringLiteral("K ")), {QStringLiteral("code")});
        definition.insert(QStringLiteral("source"),
            QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("coded_projects")}});
        importDefinitionsJson({definition});
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Coded"))->id;

        const RunOutcome run = push(QStringLiteral("Coded"));
        QCOMPARE(run.status, RunStatus::PartiallyFailed);
        QCOMPARE(run.counters.created, 2); // 'C-1' and ''
        QCOMPARE(run.counters.failed, 1);
        int items = 0;
        for (const QJsonArray &list : listContents(QStringLiteral("K ")))
            items += list.size();
        QCOMPARE(items, 2);
        const auto events = RunRepository(*m_store).events(run.runId);
        QVERIFY(events.ok());
        bool named = false;
        for (const RunEvent &event : events.value())
            named = named || (event.type == QStringLiteral("item-failed") && event.message.contains(QStringLiteral("'code' is NULL")));
        QVERIFY(named);
        QCOMPARE(LedgerRepository(*m_store).retryQueueSummary(id)->waiting, 0); // no key to find it by

        sql(QStringLiteral("UPDATE coded_projects SET code = 'C-3' WHERE id = 3"));
        const RunOutcome fixed = push(QStringLiteral("Coded"));
        QCOMPARE(fixed.status, RunStatus::Succeeded);
        QCOMPARE(fixed.counters.created, 1);
    }
};

QTEST_GUILESS_MAIN(TestDefinitionChanges)
#include "tst_definitionchanges.moc"
