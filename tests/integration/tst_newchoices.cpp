// Values outside a choice column's choices (issue 19 item 4): refused with SharePoint's reason by
// default; with a mapping that adds choices, added to the column before the rows that carry them
// are written, previewed by a dry run, and safe against two writers adding at the same time. Real
// PostgreSQL, the real emulator, the real Graph client.
#include "pulltestbase.h"

#include "graph/connectionsettings.h"
#include "graph/discovery.h"
#include "graph/graphclient.h"
#include "store/columnlockrepository.h"
#include "store/runrepository.h"
#include "sync/push/exclusivechoices.h"

#include <QTimer>

namespace SyncBridge::Test {

class TestNewChoices : public PullTestBase
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        startWith({});
        sql(QStringLiteral("CREATE TABLE nc_tasks (task_id int PRIMARY KEY, title text NOT NULL, status text, tags text[],"
                           " updated_at timestamptz NOT NULL DEFAULT now());"
                           "INSERT INTO nc_tasks (task_id, title, status, tags) VALUES (1, 'Known', 'Planned', '{red}'),"
                           " (2, 'New status', 'Blocked', '{red,green}'), (3, 'New status and tag', 'Waiting', '{blue}'),"
                           " (4, 'Nothing', NULL, NULL);"));
        const QString push = QStringLiteral("PUSH_ONLY");
        for (const QString &name : {QStringLiteral("NC Strict"), QStringLiteral("NC Open")}) {
            QVERIFY(!m_emulator
                         .createList(name,
                             QJsonArray{keyColumn(), listColumn(QStringLiteral("task_id"), QStringLiteral("number")),
                                 listColumn(QStringLiteral("Status"), QStringLiteral("choice"),
                                     QJsonObject{{QStringLiteral("choices"), QJsonArray{QStringLiteral("Planned"), QStringLiteral("Done")}},
                                         {QStringLiteral("allowTextEntry"), false}}),
                                 listColumn(QStringLiteral("Tags"), QStringLiteral("choice"),
                                     QJsonObject{{QStringLiteral("choices"), QJsonArray{QStringLiteral("red")}},
                                         {QStringLiteral("allowTextEntry"), false},
                                         {QStringLiteral("displayAs"), QStringLiteral("checkBoxes")}})})
                         .isEmpty());
            QJsonObject status = pullMapping(QStringLiteral("status"), QStringLiteral("Status"), push);
            QJsonObject tags = pullMapping(QStringLiteral("tags"), QStringLiteral("Tags"), push);
            if (name == QLatin1String("NC Open")) {
                status.insert(QStringLiteral("addChoices"), true);
                tags.insert(QStringLiteral("addChoices"), true);
            }
            importDefinitionsJson({syncDefinitionJson(name, QStringLiteral("PUSH"), QStringLiteral("nc_tasks"), name,
                QJsonArray{pullMapping(QStringLiteral("task_id"), QStringLiteral("task_id"), push, true),
                    pullMapping(QStringLiteral("title"), QStringLiteral("Title"), push), status, tags})});
        }
    }

    // Without the option a value the column does not offer fails its row with SharePoint's words,
    // and the column keeps its choices.
    void withoutTheOptionANewValueFailsItsRow()
    {
        const RunOutcome outcome = push(QStringLiteral("NC Strict"));
        QVERIFY2(outcome.status == RunStatus::PartiallyFailed && outcome.counters.created == 2 && outcome.counters.failed == 2,
            qPrintable(described(outcome)));
        QVERIFY2(outcome.failures.contains(QStringLiteral("The value of field 'Status' is not one of its choices.")),
            qPrintable(described(outcome)));
        QCOMPARE(choicesOf(QStringLiteral("NC Strict"), QStringLiteral("Status")), (QStringList{"Planned", "Done"}));
    }

    // A dry run counts the rows as written, says which choices the run would add, and adds none.
    void aDryRunSaysWhichChoicesItWouldAdd()
    {
        RunOptions options = pushOptions(500);
        options.dryRun = true;
        const RunOutcome outcome = push(QStringLiteral("NC Open"), options);
        QVERIFY2(outcome.status == RunStatus::Succeeded && outcome.counters.failed == 0, qPrintable(described(outcome)));
        QCOMPARE(outcome.plan.value(QStringLiteral("NC Open")).value(QStringLiteral("create")), 4);
        QVERIFY2(outcome.warnings.contains(
                     QStringLiteral("Would add 'Blocked', 'Waiting' to the choices of column 'Status' of list 'NC Open'.")),
            qPrintable(outcome.warnings.join(QLatin1Char('\n'))));
        QVERIFY2(outcome.warnings.contains(QStringLiteral("Would add 'green', 'blue' to the choices of column 'Tags' of list 'NC Open'.")),
            qPrintable(outcome.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(choicesOf(QStringLiteral("NC Open"), QStringLiteral("Status")), (QStringList{"Planned", "Done"}));
        QCOMPARE(choicesOf(QStringLiteral("NC Open"), QStringLiteral("Tags")), (QStringList{"red"}));
    }

    // With the option the run adds the new values to the column's choices (after its own, in the
    // order the rows carry them) before the rows are written, says so in an event, and every row lands.
    void theRunAddsTheNewChoicesFirst()
    {
        const RunOutcome outcome = push(QStringLiteral("NC Open"));
        QVERIFY2(outcome.status == RunStatus::Succeeded && outcome.counters.created == 4, qPrintable(described(outcome)));
        QCOMPARE(choicesOf(QStringLiteral("NC Open"), QStringLiteral("Status")), (QStringList{"Planned", "Done", "Blocked", "Waiting"}));
        QCOMPARE(choicesOf(QStringLiteral("NC Open"), QStringLiteral("Tags")), (QStringList{"red", "green", "blue"}));
        const QHash<QString, QJsonObject> items = itemsByField(listId(QStringLiteral("NC Open")), QStringLiteral("task_id"));
        QCOMPARE(items.value(QStringLiteral("3")).value(QStringLiteral("Status")).toString(), QStringLiteral("Waiting"));
        QCOMPARE(items.value(QStringLiteral("2")).value(QStringLiteral("Tags")).toArray(), (QJsonArray{"red", "green"}));
        const auto events = RunRepository(*m_store).events(outcome.runId);
        QVERIFY(events.ok());
        QStringList added;
        for (const RunEvent &event : *events) {
            if (event.type == QLatin1String("choices-added"))
                added << event.message;
        }
        QCOMPARE(added,
            (QStringList{QStringLiteral("Added 'Blocked', 'Waiting' to the choices of column 'Status' of list 'NC Open'."),
                QStringLiteral("Added 'green', 'blue' to the choices of column 'Tags' of list 'NC Open'.")}));

        // A later change to a value added before needs nothing added.
        sql(QStringLiteral("UPDATE nc_tasks SET status = 'Blocked', updated_at = now() + interval '1 second' WHERE task_id = 1"));
        const RunOutcome again = push(QStringLiteral("NC Open"));
        QVERIFY2(again.status == RunStatus::Succeeded && again.counters.updated == 1, qPrintable(described(again)));
        const auto laterEvents = RunRepository(*m_store).events(again.runId);
        QVERIFY(std::none_of(laterEvents->cbegin(), laterEvents->cend(),
            [](const RunEvent &event) { return event.type.startsWith(QLatin1String("choices")); }));
    }

    // The column update replaces the choices whole: writers adding at the same time would each send
    // their own union, and the last would drop the others' values (Alpha was lost without the lock).
    // Under the column's lock in the store they add one after the other, and every value is there.
    void writersAddingAtOnceKeepEveryAddition()
    {
        const SharePointConnection &connection = m_demo.sharePointConnection();
        GraphClient client(GraphEndpoint::from(connection), secretSourceFor(m_secrets, connection), m_governor);
        const QString siteId = m_emulator.pmoSiteId();
        const QString list = listId(QStringLiteral("NC Strict"));
        const QStringList values{QStringLiteral("Alpha"), QStringLiteral("Beta"), QStringLiteral("Gamma"), QStringLiteral("Delta"),
            QStringLiteral("Epsilon"), QStringLiteral("Zeta")};
        int answered = 0;
        QStringList failures;
        QEventLoop loop;
        for (const QString &value : values) {
            addChoicesExclusively(*m_store, client, siteId, list, QStringLiteral("Status"), {value}, [&](Result<ChoicesAdded> added) {
                if (!added)
                    failures << added.error().message();
                if (++answered == values.size())
                    loop.quit();
            });
        }
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(answered, values.size());
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        const QStringList choices = choicesOf(QStringLiteral("NC Strict"), QStringLiteral("Status"));
        QCOMPARE(choices.mid(0, 2), (QStringList{"Planned", "Done"}));
        for (const QString &value : values)
            QVERIFY2(choices.contains(value), qPrintable(QStringLiteral("%1 lost: %2").arg(value, choices.join(QStringLiteral(", ")))));
        QCOMPARE(choices.size(), 2 + values.size());
    }

    // A holder whose read, update and read again each take longer than the lock lives (a Retry-After
    // or the budget in a throttled tenant; a slow tenant here) keeps the column until it is done: the
    // lock is renewed meanwhile. Without the renewal another writer took it after two seconds.
    void aHolderWaitingLongerThanTheLockLivesKeepsTheColumn()
    {
        constexpr qint64 ttlMs = 2000;
        const QString list = listId(QStringLiteral("NC Strict"));
        const QString column = QStringLiteral("Status");
        QCOMPARE(setLatency(2500), 200);
        const SharePointConnection &connection = m_demo.sharePointConnection();
        GraphClient client(GraphEndpoint::from(connection), secretSourceFor(m_secrets, connection), m_governor);
        int probes = 0;
        int takenWhileHeld = 0;
        const auto probe = [&]() {
            ColumnLockRepository locks(*m_store);
            const auto taken = locks.tryLock(
                list, column, QStringLiteral("another-writer"), QStringLiteral("test"), QDateTime::currentDateTimeUtc(), ttlMs);
            if (taken && *taken) {
                (void)locks.unlock(list, column, QStringLiteral("another-writer"));
                return true;
            }
            return false;
        };
        QTimer prober;
        prober.setInterval(250);
        connect(&prober, &QTimer::timeout, this, [&]() {
            ++probes;
            if (probe())
                ++takenWhileHeld;
        });
        std::optional<Result<ChoicesAdded>> answer;
        QEventLoop loop;
        addChoicesExclusively(
            *m_store, client, m_emulator.pmoSiteId(), list, column, {QStringLiteral("Omega")},
            [&](Result<ChoicesAdded> added) {
                answer = std::move(added);
                prober.stop();
                loop.quit();
            },
            Clock::system(), ttlMs);
        prober.start();
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(setLatency(0), 200);
        QVERIFY(answer.has_value());
        QVERIFY2(answer->ok(), qPrintable(answer->ok() ? QString() : answer->error().message()));
        QVERIFY(choicesOf(QStringLiteral("NC Strict"), column).contains(QStringLiteral("Omega")));
        QVERIFY2(probes >= 3 * ttlMs / 250, qPrintable(QStringLiteral("the addition held the lock for %1 probes only").arg(probes)));
        QVERIFY2(takenWhileHeld == 0,
            qPrintable(
                QStringLiteral("another writer took the column %1 times in %2 probes while it was held").arg(takenWhileHeld).arg(probes)));
        QVERIFY2(probe(), "the lock was not given back");
    }

    void cleanupTestCase() { m_store.reset(); }

private:
    int setLatency(int fixedMs)
    {
        return m_emulator
            .admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("fixedMs"), fixedMs}}}})
            .status;
    }

    QString listId(const QString &name) { return m_emulator.list(name).value(QStringLiteral("id")).toString(); }

    QStringList choicesOf(const QString &list, const QString &column)
    {
        QStringList choices;
        for (const QJsonValue &choice :
            columnsOf(list).value(column).toObject().value(QStringLiteral("choice")).toObject().value(QStringLiteral("choices")).toArray())
            choices << choice.toString();
        return choices;
    }
};

} // namespace SyncBridge::Test

QTEST_GUILESS_MAIN(SyncBridge::Test::TestNewChoices)
#include "tst_newchoices.moc"
