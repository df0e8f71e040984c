// The push engine's data path end to end (real PostgreSQL with the demo data, the real emulator, a
// real SQLite meta-store): a dry run, the first run, a run with nothing to do, updates, moves and a
// full re-sync, item failures in the retry queue, a backfill of one field, and a list deleted mid-run.
#include "pushoptions.h"
#include "pushtestbase.h"
#include "secrets/environmentsecretstore.h"
#include "store/runrepository.h"

#include <QSet>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestPushEngine : public PushTestBase
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        startWith({definitionJson(QStringLiteral("Projects"), QStringLiteral("P "))});
    }

    void aMissingSecretSaysWhereItLookedInsteadOfBlamingSharePoint()
    {
        // Issue 13: with --secrets env and the variable unset, no token was even asked for, yet the run
        // said "SharePoint rejected the app's credentials". The real environment store, as the CLI has it.
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("SYNCBRIDGE_SECRET_POSTGRES_DEMO"), m_postgres.password());
        EnvironmentSecretStore secrets(environment);
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Projects"))->id;
        PushRun run(m_store, secrets, m_governor, id, pushOptions(500, dryRun));
        const RunOutcome outcome = await<RunOutcome>([&](auto done) {
            QObject::connect(&run, &PushRun::finished, &run, [done](const RunOutcome &finished) { done(finished); });
            run.start();
        });
        QCOMPARE(outcome.status, RunStatus::Failed);
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code(), ErrorCode::SecretNotFound); // its own kind, not AuthenticationFailed
        QCOMPARE(outcome.error->message(),
            QStringLiteral(
                "SharePoint connection 'Emulator': No secret was found: the environment variable SYNCBRIDGE_SECRET_SHAREPOINT_DEMO "
                "is not set (--secrets env reads secrets from the environment). Set SYNCBRIDGE_SECRET_SHAREPOINT_DEMO to the "
                "secret, or read secrets from the system keychain (--secrets keychain)."));
        QVERIFY(!outcome.message.contains(QStringLiteral("rejected")));
    }

    void aBinaryColumnIsLeftOutWithAnEventAndItsRowsArrive()
    {
        // Issue 13: provisioning left a bytea column out without a word. Each column left out is a
        // warning event of the run that provisions the list; rows with binary values arrive whole
        // when the column is not mapped.
        sql(QStringLiteral(
            "CREATE TABLE badges (id int PRIMARY KEY, name text NOT NULL, photo bytea, updated_at timestamptz NOT NULL DEFAULT now());"
            "INSERT INTO badges (id, name, photo) SELECT g, 'Badge ' || g, decode('89504e47', 'hex') FROM generate_series(1, 20) g"));
        QJsonObject definition{{QStringLiteral("name"), QStringLiteral("Badges")},
            {QStringLiteral("source"),
                QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("badges")}}},
            {QStringLiteral("cursor"),
                QJsonObject{
                    {QStringLiteral("strategy"), QStringLiteral("UPDATED_AT")}, {QStringLiteral("column"), QStringLiteral("updated_at")}}},
            {QStringLiteral("targets"),
                QJsonArray{QJsonObject{{QStringLiteral("connection"), QStringLiteral("Emulator")},
                    {QStringLiteral("site"), QStringLiteral("contoso.sharepoint.com:/sites/pmo")},
                    {QStringLiteral("list"), QStringLiteral("Badges")}}}},
            {QStringLiteral("mappings"),
                QJsonArray{QJsonObject{{QStringLiteral("source"), QStringLiteral("name")},
                    {QStringLiteral("target"), QStringLiteral("Title")}, {QStringLiteral("direction"), QStringLiteral("PUSH_ONLY")}}}}};
        importDefinitionsJson({definition});
        const RunOutcome dry = push(QStringLiteral("Badges"), pushOptions(500, dryRun));
        QCOMPARE(dry.status, RunStatus::Succeeded);
        const RunOutcome outcome = push(QStringLiteral("Badges"));
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.counters.created, 20);
        QCOMPARE(outcome.counters.failed, 0);
        for (const qint64 runId : {dry.runId, outcome.runId}) {
            const auto events = RunRepository(*m_store).events(runId);
            QVERIFY(events.ok());
            QStringList leftOut;
            for (const RunEvent &event : *events) {
                if (event.type == QLatin1String("column-left-out")) {
                    QCOMPARE(event.severity, EventSeverity::Warning);
                    QCOMPARE(event.payload.value(QStringLiteral("column")).toString(), QStringLiteral("photo"));
                    leftOut << event.message;
                }
            }
            QCOMPARE(
                leftOut, QStringList{QStringLiteral("List 'Badges': bytea has no SharePoint column type: column 'photo' is left out.")});
        }
        QCOMPARE(m_emulator.itemCount(QStringLiteral("Badges")), 20);
    }

    void dryRunWritesNothing()
    {
        const RunOutcome outcome = push(QStringLiteral("Projects"), pushOptions(1000, dryRun, 3));
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        qint64 creates = 0;
        for (const auto &actions : outcome.plan)
            creates += actions.value(QStringLiteral("create"));
        QCOMPARE(creates, 5000);
        QCOMPARE(outcome.preview.size(), 3); // the planned rows kept for a preview
        QCOMPARE(outcome.previewLeftOut, 4997);
        QVERIFY(outcome.preview.first().fields.contains(QStringLiteral("Title")));
        QVERIFY(listContents(QStringLiteral("P ")).isEmpty());   // no list was even created
    }

    void firstRunPushesEveryRowToItsList()
    {
        const RunOutcome outcome = push(QStringLiteral("Projects"));
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.counters.rowsRead, 5000);
        QCOMPARE(outcome.counters.created, 5000);
        verifyExactlyOnce(QStringLiteral("Projects"), QStringLiteral("P "));
        // values arrive typed: a unicode name, a budget, a date, a multi-choice
        const QJsonArray large = listContents(QStringLiteral("P ")).value(QStringLiteral("Large"));
        const QJsonObject fields = large.first().toObject().value(QStringLiteral("fields")).toObject();
        QVERIFY(fields.value(QStringLiteral("Title")).toString().startsWith(QStringLiteral("PRJ-")));
        QVERIFY(fields.value(QStringLiteral("budget_amount")).toDouble() >= 4000000);
        QVERIFY(fields.value(QStringLiteral("updated_at")).toString().endsWith(QLatin1Char('Z')));
    }

    void noChangeRunReadsNothing()
    {
        const qint64 ruBefore = m_emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("ruSpent")).toInteger();
        const RunOutcome outcome = push(QStringLiteral("Projects"));
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.counters.rowsRead, 0);
        const qint64 ruAfter = m_emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("ruSpent")).toInteger();
        QVERIFY2(ruAfter - ruBefore <= 12, qPrintable(QString::number(ruAfter - ruBefore)));   // discovery only: 0 RU per unchanged row
    }

    void updatesMovesAndFullResync()
    {
        sql(QStringLiteral("UPDATE projects SET budget_amount = 4500000 WHERE id IN (5, 7)"));         // → Large: moves
        sql(QStringLiteral("UPDATE projects SET name = name || ' (v2)' WHERE id IN (11, 12, 13)"));  // → updates
        const RunOutcome outcome = push(QStringLiteral("Projects"));
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.counters.rowsRead, 5);
        QCOMPARE(outcome.counters.moved, 2);
        QCOMPARE(outcome.counters.updated, 3);
        // a full re-sync compares every row: nothing changed, so nothing is written and nothing duplicated
        const RunOutcome again = push(QStringLiteral("Projects"), pushOptions(1000, resetCursor));
        QCOMPARE(again.counters.rowsRead, 5000);
        QCOMPARE(again.counters.skipped, 5000);
        QCOMPARE(again.counters.created + again.counters.updated, 0);
        verifyExactlyOnce(QStringLiteral("Projects"), QStringLiteral("P "));
        bool found = false;
        for (const QJsonArray &items : listContents(QStringLiteral("P "))) {
            for (const QJsonValue &item : items) {
                const QJsonObject fields = item.toObject().value(QStringLiteral("fields")).toObject();
                if (fields.value(QStringLiteral("Title")).toString() == QLatin1String("PRJ-00012")) {
                    QVERIFY(fields.value(QStringLiteral("name")).toString().endsWith(QStringLiteral(" (v2)")));
                    QCOMPARE(item.toObject().value(QStringLiteral("version")).toInt(), 2);
                    found = true;
                }
            }
        }
        QVERIFY(found);
    }

    void failedRowsWaitInTheRetryQueueWhileTheCursorMovesOn()
    {
        sql(QStringLiteral("UPDATE projects SET budget_amount = 'NaN' WHERE id = 20"));
        sql(QStringLiteral("UPDATE projects SET name = 'after the bad row' WHERE id = 21"));
        const RunOutcome outcome = push(QStringLiteral("Projects"));
        QCOMPARE(outcome.status, RunStatus::PartiallyFailed);
        QCOMPARE(outcome.counters.failed, 1);
        QCOMPARE(outcome.counters.updated, 1);
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Projects"))->id;
        const auto retries = LedgerRepository(*m_store).retries(id);
        QCOMPARE(retries->size(), 1);
        QCOMPARE(retries->first().identityText, QStringLiteral("id=20"));
        QVERIFY(retries->first().lastError.contains(QStringLiteral("NaN cannot be stored")));
        QCOMPARE(push(QStringLiteral("Projects")).counters.failed, 1);   // retried first, fails again, still queued
        QCOMPARE(LedgerRepository(*m_store).retries(id)->first().attempts, 2);
        sql(QStringLiteral("UPDATE projects SET budget_amount = 1 WHERE id = 20"));
        const RunOutcome fixed = push(QStringLiteral("Projects"));
        QCOMPARE(fixed.status, RunStatus::Succeeded);
        QVERIFY(LedgerRepository(*m_store).retries(id)->isEmpty());
        verifyExactlyOnce(QStringLiteral("Projects"), QStringLiteral("P "));
    }

    void backfillRepushesOnlyTheChosenFields()
    {
        // A field changed behind the cursor's back (no new timestamp): a normal run does not see it,
        // a backfill of that field writes it to every synced item and leaves the cursor alone.
        addDefinition(QStringLiteral("Backfill"), QStringLiteral("B "));
        QCOMPARE(push(QStringLiteral("Backfill")).counters.created, 5000);
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Backfill"))->id;
        const auto cursorBefore = LedgerRepository(*m_store).cursor(id, QStringLiteral("push"));
        sql(QStringLiteral("ALTER TABLE projects DISABLE TRIGGER USER; UPDATE projects SET manager_email = upper(manager_email), name = name || ' (unseen)';"
                           " ALTER TABLE projects ENABLE TRIGGER USER"));
        QCOMPARE(push(QStringLiteral("Backfill")).counters.updated, 0);

        RunOptions wrong;
        wrong.backfillFields = {QStringLiteral("no_such_field")};
        const RunOutcome refused = push(QStringLiteral("Backfill"), wrong);
        QCOMPARE(refused.status, RunStatus::Failed);
        QVERIFY2(refused.message.contains(QStringLiteral("'no_such_field' is not a field this definition pushes")) && refused.message.contains(QStringLiteral("manager_email")),
                 qPrintable(refused.message));

        RunOptions backfill;
        backfill.backfillFields = {QStringLiteral("manager_email")};
        const RunOutcome outcome = push(QStringLiteral("Backfill"), backfill);
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(outcome.message));
        QCOMPARE(outcome.counters.updated, 5000);
        QCOMPARE(outcome.counters.created + outcome.counters.moved + outcome.counters.deleted, 0);
        const auto cursorAfter = LedgerRepository(*m_store).cursor(id, QStringLiteral("push"));
        QCOMPARE((*cursorAfter)->position, (*cursorBefore)->position);
        QCOMPARE((*cursorAfter)->lastKey, (*cursorBefore)->lastKey);
        int upper = 0, unseenNames = 0;
        const QHash<QString, QJsonArray> contents = listContents(QStringLiteral("B "));
        for (const QJsonArray &items : contents) {
            for (const QJsonValue &item : items) {
                const QJsonObject fields = item.toObject().value(QStringLiteral("fields")).toObject();
                const QString email = fields.value(QStringLiteral("manager_email")).toString();
                upper += !email.isEmpty() && email == email.toUpper() ? 1 : 0;
                unseenNames += fields.value(QStringLiteral("name")).toString().endsWith(QStringLiteral("(unseen)")) ? 1 : 0;
            }
        }
        QCOMPARE(upper, sql(QStringLiteral("SELECT count(*) FROM projects WHERE manager_email IS NOT NULL AND manager_email <> ''")).toInt());
        QCOMPARE(unseenNames, 0);   // only the chosen field went
        verifyExactlyOnce(QStringLiteral("Backfill"), QStringLiteral("B "));
    }

    void listDeletedMidRunStopsWithAClearMessage()
    {
        const auto listId = [&](const QString &name) { return m_emulator.list(name).value(QStringLiteral("id")).toString(); };
        const qint64 definitionId = DefinitionRepository(*m_store).byName(QStringLiteral("Projects"))->id;
        const auto cursorBefore = LedgerRepository(*m_store).cursor(definitionId, QStringLiteral("push"));
        sql(QStringLiteral("UPDATE projects SET name = name || ' (v3)' WHERE budget_amount >= 4000000"));
        // delete "P Large" while the run is writing its first pages
        bool deleted = false;
        const RunOutcome outcome = push(QStringLiteral("Projects"), pushOptions(100), {}, [&](const RunProgress &progress) {
            if (!deleted && progress.phase == RunPhase::Pushing && progress.counters.updated > 0) {
                deleted = true;
                QCOMPARE(m_emulator.graph("DELETE", QStringLiteral("/sites/%1/lists/%2").arg(m_emulator.pmoSiteId(), listId(QStringLiteral("P Large")))).status, 204);
            }
        });
        QVERIFY(deleted);
        QCOMPARE(outcome.status, RunStatus::Failed);
        QVERIFY2(outcome.message.contains(QStringLiteral("'P Large' was deleted or renamed")), qPrintable(outcome.message));
        // nothing after the last completed page is recorded as done: the cursor stopped before the failing page
        const auto cursorAfter = LedgerRepository(*m_store).cursor(definitionId, QStringLiteral("push"));
        QVERIFY(cursorAfter->has_value());
        // (every touched row has the UPDATE's timestamp, so the keyset position is that timestamp and an id)
        const int lastTouched = sql(QStringLiteral("SELECT max(id) FROM projects WHERE budget_amount >= 4000000")).toInt();
        QVERIFY(cursorBefore->has_value());
        QVERIFY2((*cursorAfter)->lastKey.value(0).toInt() < lastTouched,
                 qPrintable(QStringLiteral("cursor at id %1, last touched row %2").arg((*cursorAfter)->lastKey.value(0)).arg(lastTouched)));
        QVERIFY(outcome.counters.updated < 950);
        // and the next run says the same, instead of recreating the list
        const RunOutcome next = push(QStringLiteral("Projects"));
        QCOMPARE(next.status, RunStatus::Failed);
        QVERIFY(next.message.contains(QStringLiteral("Restore it")));
        QVERIFY(listId(QStringLiteral("P Large")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPushEngine)
#include "tst_pushengine.moc"
