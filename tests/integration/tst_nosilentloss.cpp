// What a push's writes used to lose silently, against a real PostgreSQL and the emulator: items
// refused by a fatal error in the middle of a page whose cursor was saved anyway, old items of moves
// whose delete failed, writes whose answers were lost, pending writes to a list that is gone, a long
// retry queue, runs whose process died or was killed mid-move. The cursor's side is tst_cursorloss.
#include "pushoptions.h"
#include "englishplurals.h"
#include "pushtestbase.h"
#include "testpaths.h"

#include "graph/provisioning.h"
#include "store/runrepository.h"
#include "store/sql.h"
#include "sync/identity.h"
#include "sync/interruptedruns.h"

#include <QHostInfo>
#include <QProcess>
#include <QRegularExpression>

#include <csignal>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestNoSilentLoss : public PushTestBase
{
    Q_OBJECT

    // Every row of `table` exactly once in the lists of `prefix`: in the list its route names (the
    // demo sharding), with its current name and status; no item of no row; the ledger all SYNCED and
    // naming those very items.
    void verifyEveryRowOnceWhereItsRouteSays(const QString &definition, const QString &table, const QString &prefix)
    {
        QHash<QString, QString> listNameById;
        for (const QJsonValue &site : m_emulator.admin("GET", QStringLiteral("/index")).json().value(QStringLiteral("sites")).toArray()) {
            for (const QJsonValue &list : site.toObject().value(QStringLiteral("lists")).toArray()) {
                const QString name = list.toObject().value(QStringLiteral("displayName")).toString();
                if (name.startsWith(prefix))
                    listNameById.insert(list.toObject().value(QStringLiteral("id")).toString(), name.mid(prefix.size()));
            }
        }
        struct Item {
            QString listId;
            QString id;
            QJsonObject fields;
        };
        QHash<QString, Item> itemOfKey;
        for (auto list = listNameById.cbegin(); list != listNameById.cend(); ++list) {
            const QJsonArray items = m_emulator.admin("GET", QStringLiteral("/lists/%1/items").arg(list.key()))
                                         .json()
                                         .value(QStringLiteral("items"))
                                         .toArray();
            for (const QJsonValue &value : items) {
                const QJsonObject fields = value.toObject().value(QStringLiteral("fields")).toObject();
                const QString key = fields.value(syncBridgeKeyColumn).toString();
                QVERIFY2(!itemOfKey.contains(key), qPrintable(QStringLiteral("twin of %1 in %2").arg(key, list.value())));
                itemOfKey.insert(key, {list.key(), value.toObject().value(QStringLiteral("id")).toString(), fields});
            }
        }
        const QString rows = sql(QStringLiteral(
            "SELECT string_agg(concat_ws(chr(31), id, project_code, name, status,"
            " CASE WHEN budget_amount >= 4000000 THEN 'Large' WHEN status = 'Active' THEN 'Active' ELSE 'Other' END), chr(30) ORDER BY id)"
            " FROM %1")
                                     .arg(table));
        QHash<QString, Item> itemOfRow; // by identity hash, for the ledger
        const QString salt = DefinitionRepository(*m_store).byName(definition)->keySalt;
        for (const QString &row : rows.split(QChar(30))) {
            const QStringList column = row.split(QChar(31));
            QCOMPARE(column.size(), 5);
            const QString hash = rowIdentity({QStringLiteral("id")}, {column.at(0)}, salt).hash;
            QVERIFY2(itemOfKey.contains(hash), qPrintable(QStringLiteral("row %1 is missing").arg(column.at(1))));
            const Item item = itemOfKey.take(hash);
            QCOMPARE(listNameById.value(item.listId), column.at(4)); // no item left in the old list
            QCOMPARE(item.fields.value(QStringLiteral("Title")).toString(), column.at(1));
            QCOMPARE(item.fields.value(QStringLiteral("name")).toString(), column.at(2));
            QCOMPARE(item.fields.value(QStringLiteral("status")).toString(), column.at(3));
            itemOfRow.insert(hash, item);
        }
        QVERIFY2(itemOfKey.isEmpty(), qPrintable(QStringLiteral("%1 item(s) of no row").arg(itemOfKey.size())));
        const auto ledger = LedgerRepository(*m_store).entries(DefinitionRepository(*m_store).byName(definition)->id);
        QCOMPARE(ledger->size(), itemOfRow.size());
        for (const LedgerEntry &entry : std::as_const(*ledger)) {
            QCOMPARE(entry.state, LedgerState::Synced);
            QCOMPARE(entry.listGraphId, itemOfRow.value(entry.identityHash).listId);
            QCOMPARE(entry.itemId, itemOfRow.value(entry.identityHash).id);
        }
    }

    int setFaults(const QJsonObject &faults)
    {
        return m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("faults"), faults}}).status;
    }

    // Pushes "Late" while SharePoint refuses `rate` of the operations with `status`, from the moment
    // the lists are found and the first page is about to be written; no faults afterwards.
    RunOutcome pushRefusing(double rate, int status)
    {
        bool refusing = false;
        const RunOutcome outcome = push(QStringLiteral("Late"), pushOptions(500), {}, [&](const RunProgress &progress) {
            if (!refusing && progress.phase == RunPhase::Pushing) {
                refusing = true;
                setFaults({{QStringLiteral("errorRate"), rate}, {QStringLiteral("errorStatuses"), QJsonArray{status}}});
            }
        });
        setFaults({{QStringLiteral("errorRate"), 0}});
        return outcome;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(installEnglishPlurals(this));
        startWith({definitionJson(QStringLiteral("Late"), QStringLiteral("L "))});
        QCOMPARE(push(QStringLiteral("Late")).counters.created, 5000);
    }

    void itemsAFatalErrorRefusesWaitForARetry()
    {
        // 403 on part of a page (permissions pulled mid-run): the run stops, and what it could not
        // write waits in the retry queue, so the next run delivers every change.
        sql(QStringLiteral("UPDATE projects SET name = name || ' (refused once)' WHERE id BETWEEN 101 AND 160"));
        const RunOutcome stopped = pushRefusing(0.3, 403);
        QCOMPARE(stopped.status, RunStatus::Failed);
        QVERIFY(stopped.counters.failed > 0);
        QVERIFY(stopped.counters.updated < 60);

        const RunOutcome next = push(QStringLiteral("Late"));
        QVERIFY2(next.status == RunStatus::Succeeded, qPrintable(next.message));
        int delivered = 0;
        for (const QJsonArray &items : listContents(QStringLiteral("L "))) {
            for (const QJsonValue &item : items)
                delivered += item.toObject()
                                 .value(QStringLiteral("fields"))
                                 .toObject()
                                 .value(QStringLiteral("name"))
                                 .toString()
                                 .endsWith(QStringLiteral(" (refused once)"))
                    ? 1
                    : 0;
        }
        QCOMPARE(delivered, 60);
    }

    void anOldItemAMoveCouldNotDeleteIsDeletedLater()
    {
        // Rows move to the Large list while SharePoint refuses half the operations (409): creates
        // that fail wait for a retry, and an old item whose delete fails is not forgotten — the
        // next run deletes it. In the end every row is in exactly one list.
        sql(QStringLiteral("UPDATE projects SET budget_amount = 4500000 WHERE id BETWEEN 200 AND 259 AND budget_amount < 4000000"));
        const RunOutcome refused = pushRefusing(0.5, 409);
        const auto events = RunRepository(*m_store).events(refused.runId);
        QVERIFY2(std::any_of(
                     events->cbegin(), events->cend(), [](const RunEvent &event) { return event.type == QLatin1String("move-cleanup"); }),
            "no old item's delete was refused: the scenario did not happen");
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Late"))->id;
        for (int run = 0; run < 3 && LedgerRepository(*m_store).retryQueueSummary(id)->waiting > 0; ++run) {
            QVERIFY(LedgerRepository(*m_store).makeRetriesDue(id, QDateTime::currentDateTimeUtc()).ok());
            push(QStringLiteral("Late"));
        }
        const RunOutcome settled = push(QStringLiteral("Late")); // resolves what the last one left pending
        QVERIFY2(settled.status == RunStatus::Succeeded, qPrintable(settled.message));
        verifyExactlyOnce(QStringLiteral("Late"), QStringLiteral("L "));
    }

    void aRunDoesNotSaySucceededWhileAWriteWaitsToBeConfirmed()
    {
        // Rows move while SharePoint refuses every delete and nothing else: the new items are made,
        // the old ones stay, and their moves wait as pending writes for the next run (Confirming
        // cannot delete them either). Nothing waits in the retry queue, yet the lists hold twins
        // of these rows: the run must not say it succeeded.
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Late"))->id;
        QCOMPARE(LedgerRepository(*m_store).retryQueueSummary(id)->waiting, 0);
        const QString moving = QStringLiteral("id BETWEEN 300 AND 399 AND budget_amount < 4000000");
        const int moves = sql(QStringLiteral("SELECT count(*) FROM projects WHERE %1").arg(moving)).toInt();
        QVERIFY(moves > 10);
        sql(QStringLiteral("UPDATE projects SET budget_amount = 4600000 WHERE %1").arg(moving));
        QCOMPARE(setFaults({{QStringLiteral("errorRate"), 1.0}, {QStringLiteral("errorStatuses"), QJsonArray{409}},
                     {QStringLiteral("errorMethods"), QJsonArray{QStringLiteral("DELETE")}}}),
            200);
        const RunOutcome refused = push(QStringLiteral("Late"));
        QCOMPARE(setFaults({{QStringLiteral("errorRate"), 0}, {QStringLiteral("errorMethods"), QJsonArray{}}}), 200);
        QCOMPARE(refused.counters.moved, moves);
        QCOMPARE(refused.counters.failed, 0);
        QCOMPARE(LedgerRepository(*m_store).retryQueueSummary(id)->waiting, 0);
        QCOMPARE(LedgerRepository(*m_store).entries(id, LedgerState::Pending)->size(), moves);
        QCOMPARE(refused.status, RunStatus::PartiallyFailed);
        QVERIFY2(
            refused.message.contains(
                QStringLiteral("%1 write%2 to be confirmed by the next run").arg(moves).arg(moves == 1 ? QString() : QStringLiteral("s"))),
            qPrintable(refused.message));

        const RunOutcome settled = push(QStringLiteral("Late")); // deletes the old items
        QVERIFY2(settled.status == RunStatus::Succeeded, qPrintable(settled.message));
        QVERIFY2(!settled.message.contains(QStringLiteral("wait to be confirmed")), qPrintable(settled.message));
        verifyExactlyOnce(QStringLiteral("Late"), QStringLiteral("L "));
    }

    void writesWhoseAnswerWasLostAreConfirmedBeforeTheRunEnds()
    {
        // Every connection drops after SharePoint ran the creates (no answer, whatever the network
        // stack re-sends): the run looks the unanswered creates up by SyncBridgeKey before it ends,
        // removes what a re-sent request doubled, and knows they arrived.
        sql(QStringLiteral("INSERT INTO projects (project_code, name, status, budget_amount, start_date, manager_email, tags)"
                           " SELECT 'NEW-' || i, 'new project ' || i, 'Active', 1000, '2026-06-01', 'pm@example.com', ARRAY['new']"
                           " FROM generate_series(1, 200) AS i"));
        bool dropping = false, calm = false;
        const auto setDrops = [this](double rate) { return setFaults({{QStringLiteral("dropRate"), rate}}); };
        const RunOutcome outcome = push(QStringLiteral("Late"), pushOptions(20), {}, [&](const RunProgress &progress) {
            if (!dropping && progress.phase == RunPhase::Pushing) {
                dropping = true;
                QCOMPARE(setDrops(1.0), 200);
            } else if (dropping && !calm && (progress.phase == RunPhase::CheckingDuplicates || progress.phase == RunPhase::Confirming)) {
                calm = true; // the look-ups themselves go through
                QCOMPARE(setDrops(0), 200);
            }
        });
        QCOMPARE(setDrops(0), 200);
        QVERIFY(dropping && calm);
        const auto events = RunRepository(*m_store).events(outcome.runId);
        QVERIFY2(
            std::any_of(events->cbegin(), events->cend(), [](const RunEvent &event) { return event.type == QLatin1String("confirmed"); }),
            "no create went unanswered: the scenario did not happen");
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(outcome.message));
        QCOMPARE(outcome.counters.created, 200);
        QCOMPARE(outcome.counters.failed, 0);
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Late"))->id;
        QCOMPARE(LedgerRepository(*m_store).retryQueueSummary(id)->waiting, 0);
        verifyExactlyOnce(QStringLiteral("Late"), QStringLiteral("L "));
    }

    void aPendingWriteToAListThatIsGoneDoesNotWedgeTheDefinition()
    {
        // A create left unconfirmed in a list that was deleted since: recovery used to fail on the
        // list's 404 in every later run. Now nothing can be there, so the row is written where its
        // route says.
        sql(QStringLiteral("INSERT INTO projects (project_code, name, status, budget_amount, start_date, manager_email, tags)"
                           " VALUES ('ORPHAN-1', 'pending in a gone list', 'Active', 10, '2026-06-01', 'pm@example.com', ARRAY['x'])"));
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Late"))->id;
        const RowIdentity identity
            = rowIdentity({QStringLiteral("id")}, {sql(QStringLiteral("SELECT id FROM projects WHERE project_code = 'ORPHAN-1'"))},
                DefinitionRepository(*m_store).byId(id)->keySalt);
        LedgerEntry pending;
        pending.definitionId = id;
        pending.identityHash = identity.hash;
        pending.identityText = identity.text;
        pending.listGraphId = QStringLiteral("a-list-deleted-since");
        pending.state = LedgerState::Pending;
        QVERIFY(LedgerRepository(*m_store).upsert({pending}).ok());

        const RunOutcome outcome = push(QStringLiteral("Late"));
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(outcome.error ? outcome.error->toString() : outcome.message));
        QCOMPARE(outcome.counters.created, 1);
        QCOMPARE(fieldsOf(QStringLiteral("L "), QStringLiteral("ORPHAN-1")).value(QStringLiteral("name")).toString(),
            QStringLiteral("pending in a gone list"));
        const auto events = RunRepository(*m_store).events(outcome.runId);
        QVERIFY(std::any_of(
            events->cbegin(), events->cend(), [](const RunEvent &event) { return event.type == QLatin1String("pending-list-gone"); }));
        verifyExactlyOnce(QStringLiteral("Late"), QStringLiteral("L "));
    }

    void aRunDoesNotSaySucceededWhileRowsWaitForARetry()
    {
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Late"))->id;
        sql(QStringLiteral("UPDATE projects SET budget_amount = 'NaN' WHERE id = 40"));
        QCOMPARE(push(QStringLiteral("Late")).counters.failed, 1);
        QCOMPARE(push(QStringLiteral("Late")).counters.failed, 1); // retried at once, refused again: the next attempt backs off
        const RunOutcome waiting = push(QStringLiteral("Late"));   // nothing due, nothing failed in this run
        QCOMPARE(waiting.counters.failed, 0);
        QCOMPARE(waiting.status, RunStatus::PartiallyFailed); // yet the row is not in SharePoint
        QVERIFY2(waiting.message.contains(QStringLiteral("1 row in the retry queue")), qPrintable(waiting.message));

        sql(QStringLiteral("UPDATE projects SET budget_amount = 10 WHERE id = 40"));
        QVERIFY(LedgerRepository(*m_store).makeRetriesDue(id, QDateTime::currentDateTimeUtc()).ok());
        const RunOutcome delivered = push(QStringLiteral("Late"));
        QVERIFY2(delivered.status == RunStatus::Succeeded, qPrintable(delivered.message));
        QCOMPARE(delivered.counters.updated, 1);
    }

    void aRetryQueueOf100000RowsIsWorkedThroughInPages()
    {
        // Rows queued long ago whose source rows are gone, and one new change: the run reads the
        // queue a page at a time (no IN list of 100,000 keys), clears it and delivers the change.
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Late"))->id;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Result<void> queued = inTransaction(m_store->connection(), [&]() -> Result<void> {
            LedgerRepository ledger(*m_store);
            for (int i = 1; i <= 100000; ++i) {
                const QString text = QStringLiteral("id=%1").arg(1000000 + i); // no such row
                if (auto added = ledger.enqueueRetry({0, id, QStringLiteral("gone-%1").arg(i), text, 3, now, QStringLiteral("refused")});
                    !added)
                    return added;
            }
            return success();
        });
        QVERIFY(queued.ok());
        QCOMPARE(LedgerRepository(*m_store).retryQueueSummary(id)->waiting, 100000);
        sql(QStringLiteral("UPDATE projects SET name = name || ' (behind a long queue)' WHERE id = 41"));

        const RunOutcome outcome = push(QStringLiteral("Late"));
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(outcome.error ? outcome.error->toString() : outcome.message));
        QCOMPARE(outcome.counters.updated, 1);
        QCOMPARE(LedgerRepository(*m_store).retryQueueSummary(id)->waiting, 0);
        QVERIFY(fieldsOf(QStringLiteral("L "), code(41))
                    .value(QStringLiteral("name"))
                    .toString()
                    .endsWith(QStringLiteral(" (behind a long queue)")));
    }

    void runsWhoseProcessDiedAreMarkedInterrupted()
    {
        // A run killed with its process stays RUNNING in the history; the next run of its
        // definition (or the next start of SyncBridge) marks it, if its process is gone.
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Late"))->id;
        QProcess ended;
        ended.start(QStringLiteral("true"), QStringList());
        QVERIFY(ended.waitForStarted());
        const qint64 endedPid = ended.processId();
        QVERIFY(ended.waitForFinished());
        const auto addRunning = [&](const QString &agent) {
            SyncRun run;
            run.definitionId = id;
            run.agent = agent;
            return RunRepository(*m_store).startRun(run).value();
        };
        const qint64 killed = addRunning(QStringLiteral("%1:%2").arg(QHostInfo::localHostName()).arg(endedPid));
        const qint64 alive = addRunning(thisAgent());
        const qint64 elsewhere = addRunning(QStringLiteral("another-host:4242"));

        QVERIFY(push(QStringLiteral("Late")).status != RunStatus::Running);
        const SyncRun interrupted = RunRepository(*m_store).run(killed).value();
        QCOMPARE(interrupted.status, RunStatus::Interrupted);
        QVERIFY(interrupted.finishedAt.isValid());
        QVERIFY2(interrupted.message.contains(QHostInfo::localHostName()) && interrupted.message.contains(QString::number(endedPid)),
            qPrintable(interrupted.message));
        const auto events = RunRepository(*m_store).events(killed);
        QVERIFY(std::any_of(
            events->cbegin(), events->cend(), [](const RunEvent &event) { return event.type == QLatin1String("run-interrupted"); }));
        QCOMPARE(RunRepository(*m_store).run(alive)->status, RunStatus::Running);     // its process lives
        QCOMPARE(RunRepository(*m_store).run(elsewhere)->status, RunStatus::Running); // another machine's: unknown here
        for (const qint64 leftOver : {alive, elsewhere}) {
            SyncRun run = RunRepository(*m_store).run(leftOver).value();
            run.status = RunStatus::Cancelled;
            QVERIFY(RunRepository(*m_store).updateRun(run).ok());
        }
    }

    void aRunKilledWhileMovingRowsUnderFaultsLosesAndDuplicatesNothing()
    {
        // 1,000 rows change lists (Active ⇄ Other) while SharePoint refuses 10 % of the item writes
        // (409, 500, 503), and syncbridge-cli is killed with SIGKILL once some moves are done: creates
        // and deletes cut off mid-batch, moves half done, refusals queued or not yet. After the
        // faults end, runs are made until nothing waits; every row must then be once, in its list.
        sql(QStringLiteral("CREATE TABLE moving_projects (LIKE projects INCLUDING ALL);"
                           " INSERT INTO moving_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id <= 3000;"
                           " CREATE TRIGGER moving_projects_touch_updated_at BEFORE UPDATE ON moving_projects"
                           "   FOR EACH ROW EXECUTE FUNCTION touch_updated_at()"));
        importDefinitionOf(QStringLiteral("moving_projects"), QStringLiteral("Moving"), QStringLiteral("M "));
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Moving"))->id;
        QCOMPARE(push(QStringLiteral("Moving")).counters.created, 3000);
        sql(QStringLiteral("UPDATE moving_projects SET name = name || ' (moved)',"
                           "   status = CASE WHEN status = 'Active' THEN 'On Hold' ELSE 'Active' END::project_status"
                           " WHERE id IN (SELECT id FROM moving_projects WHERE budget_amount < 4000000 OR budget_amount IS NULL"
                           "              ORDER BY id LIMIT 1000)"));

        QCOMPARE(
            setFaults({{QStringLiteral("errorRate"), 0.1}, {QStringLiteral("errorStatuses"), QJsonArray{409, 500, 503}},
                {QStringLiteral("retryAfterSeconds"), 1},
                {QStringLiteral("errorMethods"), QJsonArray{QStringLiteral("POST"), QStringLiteral("PATCH"), QStringLiteral("DELETE")}}}),
            200);
        // A little latency, so the kill lands while the run is writing rather than after it.
        QCOMPARE(
            m_emulator
                .admin("PATCH", QStringLiteral("/config"),
                    {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMinMs"), 10}, {QStringLiteral("randomMaxMs"), 40}}}})
                .status,
            200);
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/stats/reset")).status, 204);
        QProcess cli;
        startCli(cli, QStringLiteral("Moving"));
        QVERIFY(cli.waitForStarted());
        RunFilter running;
        running.definitionId = id;
        running.status = RunStatus::Running;
        running.limit = 1;
        qint64 killedRun = 0, movedBeforeTheKill = 0;
        while (killedRun == 0 && !cli.waitForFinished(10)) {
            const auto runs = RunRepository(*m_store).runs(running);
            if (runs && !runs->isEmpty() && runs->first().counters.moved >= 200) {
                ::kill(pid_t(cli.processId()), SIGKILL);
                killedRun = runs->first().id;
                movedBeforeTheKill = runs->first().counters.moved;
            }
        }
        cli.waitForFinished();
        QCOMPARE(setFaults({{QStringLiteral("errorRate"), 0}, {QStringLiteral("errorMethods"), QJsonArray{}}}), 200);
        QCOMPARE(
            m_emulator
                .admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMaxMs"), 0}}}})
                .status,
            200);
        QVERIFY2(killedRun > 0,
            qPrintable(QStringLiteral("the run ended before 200 moves: %1").arg(QString::fromUtf8(cli.readAllStandardOutput()))));
        QCOMPARE(cli.exitStatus(), QProcess::CrashExit);
        const qint64 injected
            = m_emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("injectedFailures")).toInteger();
        const qint64 pendingAtTheKill = LedgerRepository(*m_store).count(id, LedgerState::Pending).value();
        const qint64 queuedAtTheKill = LedgerRepository(*m_store).retryQueueSummary(id)->waiting;
        qInfo("killed syncbridge-cli after %lld of 1000 moves; %lld item writes refused so far; %lld writes pending, %lld rows queued",
            movedBeforeTheKill, injected, pendingAtTheKill, queuedAtTheKill);
        QVERIFY2(injected > 0, "no write was refused: the scenario did not happen");

        QList<RunOutcome> after;
        for (int run = 0; run < 5; ++run) {
            QVERIFY(LedgerRepository(*m_store).makeRetriesDue(id, QDateTime::currentDateTimeUtc()).ok());
            after << push(QStringLiteral("Moving"));
            if (after.last().status == RunStatus::Succeeded)
                break;
        }
        QStringList summary;
        for (const RunOutcome &outcome : std::as_const(after))
            summary << QStringLiteral("%1 (%2)").arg(enumName(outcome.status), outcome.message);
        qInfo("runs after the kill: %s", qPrintable(summary.join(QStringLiteral(" | "))));
        QCOMPARE(after.last().status, RunStatus::Succeeded);
        QCOMPARE(LedgerRepository(*m_store).retryQueueSummary(id)->waiting, 0);
        QCOMPARE(LedgerRepository(*m_store).count(id, LedgerState::Pending).value(), 0);
        const SyncRun killed = RunRepository(*m_store).run(killedRun).value();
        QCOMPARE(killed.status, RunStatus::Interrupted);
        verifyEveryRowOnceWhereItsRouteSays(QStringLiteral("Moving"), QStringLiteral("moving_projects"), QStringLiteral("M "));
        if (QTest::currentTestFailed())
            return;

        // --look-back reaches the run: 0 trusts the stamps (nothing new since the last run), an
        // hour reads the moved rows again — unchanged, so nothing is written.
        for (const auto &[lookBack, expected] : {std::pair{"0", "Read 0 rows"}, std::pair{"3600", "0 created, 0 updated, 0 moved"}}) {
            QProcess run;
            startCli(run, QStringLiteral("Moving"), {QStringLiteral("--look-back"), QLatin1String(lookBack)});
            QVERIFY(run.waitForFinished(120000));
            const QString out = QString::fromUtf8(run.readAllStandardOutput());
            QVERIFY2(run.exitCode() == 0, qPrintable(out + QString::fromUtf8(run.readAllStandardError())));
            QVERIFY2(out.contains(QLatin1String(expected)), qPrintable(out));
            if (QLatin1String(lookBack) == QLatin1String("3600")) {
                const int read = QRegularExpression(QStringLiteral("Read (\\d+) row")).match(out).captured(1).toInt();
                QVERIFY2(read >= 1000, qPrintable(out));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestNoSilentLoss)
#include "tst_nosilentloss.moc"
