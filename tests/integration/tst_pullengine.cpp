// The pull (SharePoint → PostgreSQL) against a real PostgreSQL and the emulator: every type a push
// writes comes back identical, new items become rows, edits write only the columns the pull owns,
// refused rows wait in the retry queue while the page goes on, deletes go behind the breaker, and a
// 410 resync applies the differences.
#include "pulltestbase.h"

#include "store/runrepository.h"
#include "sync/runcontroller.h"

using namespace SyncBridge;
using namespace SyncBridge::Test;

class PullEngineTest : public PullTestBase
{
    Q_OBJECT

    QString m_peopleList;

    int count(const QString &statement) { return sql(statement).toInt(); }

    QStringList eventTypes(qint64 runId)
    {
        QStringList types;
        const auto events = RunRepository(*m_store).events(runId); // bound first: a temporary Result's value would dangle
        for (const RunEvent &event : events.value())
            types << event.type;
        return types;
    }

private slots:
    void initTestCase()
    {
        startWith({});
        sql(QStringLiteral(
            "CREATE TYPE rt_mood AS ENUM ('calm', 'Très bien', 'on hold');"
            "CREATE TABLE rt_src (row_no int PRIMARY KEY, label text, short_text varchar(40), small_n int2, big_n int8,"
            " amount numeric(14,2), ratio float8, price money, flag bool, day date, at_local timestamp, at_utc timestamptz,"
            " mood rt_mood, tags text[], updated_at timestamptz NOT NULL DEFAULT now());"
            "CREATE TABLE rt_dst (LIKE rt_src INCLUDING ALL);"
            "INSERT INTO rt_src (row_no, label, short_text, small_n, big_n, amount, ratio, price, flag, day, at_local, at_utc, mood, tags) "
            "VALUES"
            " (1, 'Grüße 🚀 日本語 \"quoted\" \\ back', 'naïve café', 7, 9007199254740991, 1234567.89, 0.1, 12.34, true, '2024-02-29',"
            "  '2024-03-31 02:30:00', '2024-06-01 12:34:56+02', 'Très bien', '{\"a,b\",Ω,\"quote\\\"d\",NULL-ish}'),"
            " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
            " (3, 'x', 'y', -32768, -9007199254740991, -0.01, -1.5e-7, 0, false, '1900-01-01', '8900-12-31 23:59:59', '1970-01-01 "
            "00:00:00+00', 'calm', '{}'),"
            " (4, 'line1\nline2\ttab', 'ß', 0, 0, 99999999999.99, 1e300, 99999.99, true, '2099-12-31', '2000-01-01 00:00:00', '2038-01-19 "
            "03:14:07+00', 'on hold', '{one}'),"
            " (5, '', '', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{\"\"}');"
            "CREATE TABLE people (id serial PRIMARY KEY, name text NOT NULL, email text UNIQUE, note text, sp_id int, modified_at "
            "timestamptz,"
            " updated_at timestamptz NOT NULL DEFAULT now());"));
        QJsonArray pushMappings, pullMappings;
        for (const char *column :
            {"label", "short_text", "small_n", "big_n", "amount", "ratio", "price", "flag", "day", "at_local", "at_utc", "mood", "tags"}) {
            pushMappings.append(pullMapping(QLatin1String(column), QLatin1String(column), QStringLiteral("PUSH_ONLY")));
            pullMappings.append(pullMapping(QLatin1String(column), QLatin1String(column), QStringLiteral("PULL_ONLY")));
        }
        pushMappings.append(pullMapping(QStringLiteral("row_no"), QStringLiteral("row_no"), QStringLiteral("PUSH_ONLY"), true));
        pullMappings.append(pullMapping(QStringLiteral("row_no"), QStringLiteral("row_no"), QStringLiteral("PULL_ONLY"), true));

        m_peopleList = m_emulator.createList(QStringLiteral("People"),
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("PersonName")}, {QStringLiteral("text"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Email")}, {QStringLiteral("text"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Note")}, {QStringLiteral("text"), QJsonObject{}}}});
        QVERIFY(!m_peopleList.isEmpty());
        QJsonObject id = pullMapping(QStringLiteral("sp_id"), QStringLiteral("ID"), QStringLiteral("PULL_ONLY"));
        id.insert(QStringLiteral("system"), true);
        QJsonObject modified = pullMapping(QStringLiteral("modified_at"), QStringLiteral("Modified"), QStringLiteral("PULL_ONLY"));
        modified.insert(QStringLiteral("system"), true);
        importDefinitionsJson({syncDefinitionJson(QStringLiteral("RT push"), QStringLiteral("PUSH"), QStringLiteral("rt_src"),
                                   QStringLiteral("RT Types"), pushMappings),
            syncDefinitionJson(
                QStringLiteral("RT pull"), QStringLiteral("PULL"), QStringLiteral("rt_dst"), QStringLiteral("RT Types"), pullMappings),
            syncDefinitionJson(QStringLiteral("People"), QStringLiteral("PULL"), QStringLiteral("people"), QStringLiteral("People"),
                QJsonArray{pullMapping(QStringLiteral("name"), QStringLiteral("PersonName"), QStringLiteral("BIDIRECTIONAL")),
                    pullMapping(QStringLiteral("email"), QStringLiteral("Email"), QStringLiteral("BIDIRECTIONAL")),
                    pullMapping(QStringLiteral("note"), QStringLiteral("Note"), QStringLiteral("PUSH_ONLY")), id, modified})});
    }

    void everyTypeRoundTripsUnchanged()
    {
        QCOMPARE(push(QStringLiteral("RT push")).status, RunStatus::Succeeded);
        const RunOutcome pulled = pull(QStringLiteral("RT pull"));
        QVERIFY2(pulled.status == RunStatus::Succeeded, qPrintable(pulled.message));
        QCOMPARE(pulled.counters.created, 5);
        const QString columns
            = QStringLiteral("row_no, label, short_text, small_n, big_n, amount, ratio, price, flag, day, at_local, at_utc, mood, tags");
        // Row by row, column by column: IS DISTINCT FROM treats NULLs as values.
        const QString differences
            = sql(QStringLiteral("SELECT string_agg(format('%s: %s', s.row_no, c.col), '; ') FROM rt_src s JOIN rt_dst d USING (row_no),"
                                 " LATERAL (SELECT key AS col FROM jsonb_each(to_jsonb(s)) e WHERE key <> 'updated_at'"
                                 " AND e.value IS DISTINCT FROM (to_jsonb(d) -> key)) c"));
        QVERIFY2(differences.isEmpty(), qPrintable(differences));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM (SELECT %1 FROM rt_src EXCEPT SELECT %1 FROM rt_dst) x").arg(columns)), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rt_dst")), 5);
        // Nothing changed in SharePoint: the next pull writes nothing.
        const RunOutcome again = pull(QStringLiteral("RT pull"));
        QCOMPARE(again.status, RunStatus::Succeeded);
        QCOMPARE(again.counters.created + again.counters.updated + again.counters.deleted, 0);
    }

    // The pull owns the key (row_no): an item added in SharePoint with another item's key fails with
    // both named, and the row keeps the first item's values; a fresh key becomes a new row.
    void anItemWithAnotherItemsKeyDoesNotTakeItsRow()
    {
        const QString list = m_emulator.list(QStringLiteral("RT Types")).value(QStringLiteral("id")).toString();
        QVERIFY(!list.isEmpty());
        const QString twin = addItem(list, {{QStringLiteral("row_no"), 1}, {QStringLiteral("label"), QStringLiteral("an impostor")}});
        const QString fresh
            = addItem(list, {{QStringLiteral("row_no"), 100}, {QStringLiteral("label"), QStringLiteral("new in SharePoint")}});
        const RunOutcome outcome = pull(QStringLiteral("RT pull"));
        QVERIFY2(outcome.status == RunStatus::PartiallyFailed && outcome.counters.failed == 1 && outcome.counters.created == 1,
            qPrintable(described(outcome)));
        QVERIFY2(outcome.failures.firstKey().contains(QStringLiteral("Item %1 has the key (1)").arg(twin)), qPrintable(described(outcome)));
        QCOMPARE(sql(QStringLiteral("SELECT label FROM rt_dst WHERE row_no = 1")),
            sql(QStringLiteral("SELECT label FROM rt_src WHERE row_no = 1")));
        QCOMPARE(sql(QStringLiteral("SELECT label FROM rt_dst WHERE row_no = 100")), QStringLiteral("new in SharePoint"));
        QCOMPARE(deleteItem(list, twin), 204); // fixed by removing the impostor: its retry finds it gone
        QCOMPARE(deleteItem(list, fresh), 204);
        const RunOutcome cleared = pull(QStringLiteral("RT pull"), [](const MassDeleteCheck &) { return true; });
        QVERIFY2(cleared.status == RunStatus::Succeeded, qPrintable(described(cleared)));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM rt_dst")), 5);
        QCOMPARE(sql(QStringLiteral("SELECT label FROM rt_dst WHERE row_no = 1")),
            sql(QStringLiteral("SELECT label FROM rt_src WHERE row_no = 1")));
    }

    // Date-only values in sites west and east of UTC: stored as the site-local midnight in UTC, read
    // back as the same day (DST changes included); date-times are instants whatever the site.
    void datesRoundTripInSitesWestAndEastOfUtc_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("newYearStored"); // 2026-01-01 as SharePoint keeps it
        QTest::newRow("UTC-8 (Los Angeles)") << QStringLiteral("America/Los_Angeles") << QStringLiteral("2026-01-01T08:00:00Z");
        QTest::newRow("UTC+13 (Auckland)") << QStringLiteral("Pacific/Auckland") << QStringLiteral("2025-12-31T11:00:00Z");
    }

    void datesRoundTripInSitesWestAndEastOfUtc()
    {
        QFETCH(QString, zone);
        QFETCH(QString, newYearStored);
        const QString suffix = QString(zone).replace(QLatin1Char('/'), QLatin1Char('_')).toLower();
        const QString site = QStringLiteral("/sites/tz_%1").arg(suffix);
        QCOMPARE(m_emulator
                     .admin("POST", QStringLiteral("/seed"),
                         QJsonObject{{QStringLiteral("sites"),
                             QJsonArray{QJsonObject{{QStringLiteral("hostname"), QStringLiteral("contoso.sharepoint.com")},
                                 {QStringLiteral("path"), site}, {QStringLiteral("timeZone"), zone}}}}})
                     .status,
            200);
        sql(QStringLiteral("CREATE TABLE tz_src_%1 (row_no int PRIMARY KEY, day date, at_utc timestamptz, at_local timestamp,"
                           " updated_at timestamptz NOT NULL DEFAULT now());"
                           "CREATE TABLE tz_dst_%1 (LIKE tz_src_%1 INCLUDING ALL);"
                           "INSERT INTO tz_src_%1 (row_no, day, at_utc, at_local) VALUES"
                           " (1, '2026-01-01', '2026-01-01 00:00:00+00', '2026-01-01 00:00:00'),"
                           " (2, '2026-03-08', '2026-03-08 10:30:00+00', '2026-03-08 02:30:00')," // Los Angeles: DST starts
                           " (3, '2026-04-05', '2026-04-04 13:00:00+00', '2026-04-05 02:30:00')," // Auckland: DST ends
                           " (4, '2026-09-27', '2026-09-26 14:00:00+00', '2026-09-27 02:30:00')," // Auckland: DST starts
                           " (5, '2026-11-01', '2026-11-01 09:00:00+00', '2026-11-01 01:30:00')," // Los Angeles: DST ends
                           " (6, '2000-02-29', NULL, NULL), (7, '2099-12-31', '2099-12-31 23:59:59+00', '2099-12-31 23:59:59')")
                .arg(suffix));
        QJsonArray pushMappings, pullMappings;
        for (const char *column : {"day", "at_utc", "at_local"}) {
            pushMappings.append(pullMapping(QLatin1String(column), QLatin1String(column), QStringLiteral("PUSH_ONLY")));
            pullMappings.append(pullMapping(QLatin1String(column), QLatin1String(column), QStringLiteral("PULL_ONLY")));
        }
        pushMappings.append(pullMapping(QStringLiteral("row_no"), QStringLiteral("row_no"), QStringLiteral("PUSH_ONLY"), true));
        pullMappings.append(pullMapping(QStringLiteral("row_no"), QStringLiteral("row_no"), QStringLiteral("PULL_ONLY"), true));
        const auto inSite = [&](QJsonObject definition) {
            QJsonArray targets = definition.value(QStringLiteral("targets")).toArray();
            QJsonObject target = targets.at(0).toObject();
            target.insert(QStringLiteral("site"), QStringLiteral("contoso.sharepoint.com:") + site);
            target.insert(QStringLiteral("timeZone"), zone);
            targets[0] = target;
            definition.insert(QStringLiteral("targets"), targets);
            return definition;
        };
        importDefinitionsJson({inSite(syncDefinitionJson(QStringLiteral("TZ push ") + suffix, QStringLiteral("PUSH"),
                                   QStringLiteral("tz_src_") + suffix, QStringLiteral("Dates"), pushMappings)),
            inSite(syncDefinitionJson(QStringLiteral("TZ pull ") + suffix, QStringLiteral("PULL"), QStringLiteral("tz_dst_") + suffix,
                QStringLiteral("Dates"), pullMappings))});
        QCOMPARE(push(QStringLiteral("TZ push ") + suffix).status, RunStatus::Succeeded);
        // SharePoint holds the site's midnight in UTC.
        bool found = false;
        for (const QJsonValue &siteJson :
            m_emulator.admin("GET", QStringLiteral("/index")).json().value(QStringLiteral("sites")).toArray()) {
            if (siteJson.toObject().value(QStringLiteral("path")).toString() != site)
                continue;
            for (const QJsonValue &list : siteJson.toObject().value(QStringLiteral("lists")).toArray()) {
                if (list.toObject().value(QStringLiteral("displayName")).toString() != QLatin1String("Dates"))
                    continue;
                for (const QJsonValue &item :
                    m_emulator.admin("GET", QStringLiteral("/lists/%1/items").arg(list.toObject().value(QStringLiteral("id")).toString()))
                        .json()
                        .value(QStringLiteral("items"))
                        .toArray()) {
                    const QJsonObject fields = item.toObject().value(QStringLiteral("fields")).toObject();
                    if (fields.value(QStringLiteral("row_no")).toDouble() == 1) {
                        QCOMPARE(fields.value(QStringLiteral("day")).toString(), newYearStored);
                        found = true;
                    }
                }
            }
        }
        QVERIFY(found);
        const RunOutcome pulled = pull(QStringLiteral("TZ pull ") + suffix);
        QVERIFY2(pulled.status == RunStatus::Succeeded, qPrintable(described(pulled)));
        QCOMPARE(pulled.counters.created, 7);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM (SELECT row_no, day, at_utc, at_local FROM tz_src_%1"
                                      " EXCEPT SELECT row_no, day, at_utc, at_local FROM tz_dst_%1) x")
                           .arg(suffix)),
            0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM tz_dst_%1").arg(suffix)), 7);
    }

    void newItemsBecomeRowsAndEditsWriteOnlyOwnedColumns()
    {
        const QString ana = addItem(m_peopleList,
            {{QStringLiteral("PersonName"), QStringLiteral("Ana Ñúñez")}, {QStringLiteral("Email"), QStringLiteral("ana@example.com")},
                {QStringLiteral("Note"), QStringLiteral("from SharePoint")}});
        const QString ben = addItem(m_peopleList,
            {{QStringLiteral("PersonName"), QStringLiteral("Ben")}, {QStringLiteral("Email"), QStringLiteral("ben@example.com")}});
        RunOutcome outcome = pull(QStringLiteral("People"));
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(outcome.message));
        QCOMPARE(outcome.counters.created, 2);
        // Keys from the database's default; ID and Modified land in their PULL_ONLY columns; Note is PUSH_ONLY.
        QCOMPARE(sql(QStringLiteral("SELECT name || '|' || email || '|' || coalesce(note, 'NULL') || '|' || (modified_at IS NOT NULL) FROM "
                                    "people WHERE sp_id = %1")
                         .arg(ana)),
            QStringLiteral("Ana Ñúñez|ana@example.com|NULL|true"));
        QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT id) FROM people WHERE sp_id IN (%1, %2)").arg(ana, ben)), 2);
        const auto ledger = LedgerRepository(*m_store).entries(definitionId(QStringLiteral("People")));
        QCOMPARE(ledger->size(), 2);

        sql(QStringLiteral("UPDATE people SET note = 'kept in the database' WHERE sp_id = %1").arg(ana));
        QCOMPARE(editItem(m_peopleList, ana,
                     {{QStringLiteral("PersonName"), QStringLiteral("Ana N.")},
                         {QStringLiteral("Note"), QStringLiteral("changed in SharePoint")}}),
            200);
        outcome = pull(QStringLiteral("People"));
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.counters.updated, 1);
        QCOMPARE(outcome.counters.created, 0);
        QCOMPARE(sql(QStringLiteral("SELECT name || '|' || note FROM people WHERE sp_id = %1").arg(ana)),
            QStringLiteral("Ana N.|kept in the database"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM people")), 2);
    }

    // A person's edit (the emulator's admin call, as Adele would in the browser) lands with who made
    // it: Author and Editor are PULL_ONLY system mappings holding the people's lookup ids.
    void aPersonsEditLandsWithItsAuthorAndEditor()
    {
        sql(QStringLiteral("CREATE TABLE edits (id serial PRIMARY KEY, name text, author_id int, editor_id int, updated_at timestamptz NOT "
                           "NULL DEFAULT now())"));
        const QString list = m_emulator.createList(QStringLiteral("Edits"),
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("PersonName")}, {QStringLiteral("text"), QJsonObject{}}}});
        QJsonArray mappings{pullMapping(QStringLiteral("name"), QStringLiteral("PersonName"), QStringLiteral("PULL_ONLY"))};
        for (const auto &[column, field] : {std::pair{"author_id", "Author"}, std::pair{"editor_id", "Editor"}}) {
            QJsonObject system = pullMapping(QLatin1String(column), QLatin1String(field), QStringLiteral("PULL_ONLY"));
            system.insert(QStringLiteral("system"), true);
            mappings.append(system);
        }
        importDefinitionsJson({syncDefinitionJson(
            QStringLiteral("Edits"), QStringLiteral("PULL"), QStringLiteral("edits"), QStringLiteral("Edits"), mappings)});
        const auto created = m_emulator.admin("POST", QStringLiteral("/lists/%1/items").arg(list),
            QJsonObject{{QStringLiteral("user"), QStringLiteral("AdeleV@contoso.onmicrosoft.com")},
                {QStringLiteral("fields"), QJsonObject{{QStringLiteral("PersonName"), QStringLiteral("by Adele")}}}});
        QCOMPARE(created.status, 201);
        const QString item = created.json().value(QStringLiteral("id")).toString();
        QCOMPARE(pull(QStringLiteral("Edits")).counters.created, 1);
        QCOMPARE(sql(QStringLiteral("SELECT name || '|' || author_id || '|' || editor_id FROM edits")), QStringLiteral("by Adele|10|10"));
        QCOMPARE(m_emulator
                     .admin("PATCH", QStringLiteral("/lists/%1/items/%2").arg(list, item),
                         QJsonObject{{QStringLiteral("user"), QStringLiteral("AlexW@contoso.onmicrosoft.com")},
                             {QStringLiteral("fields"), QJsonObject{{QStringLiteral("PersonName"), QStringLiteral("then Alex")}}}})
                     .status,
            200);
        const RunOutcome outcome = pull(QStringLiteral("Edits"));
        QVERIFY2(outcome.status == RunStatus::Succeeded && outcome.counters.updated == 1, qPrintable(described(outcome)));
        QCOMPARE(sql(QStringLiteral("SELECT name || '|' || author_id || '|' || editor_id FROM edits")), QStringLiteral("then Alex|10|11"));
    }

    void refusedRowsWaitInTheRetryQueueWhileThePageGoesOn()
    {
        const QString twin = addItem(m_peopleList,
            {{QStringLiteral("PersonName"), QStringLiteral("Twin")}, {QStringLiteral("Email"), QStringLiteral("ben@example.com")}});
        const QString nameless = addItem(m_peopleList, {{QStringLiteral("Email"), QStringLiteral("nameless@example.com")}});
        const QString fine = addItem(m_peopleList,
            {{QStringLiteral("PersonName"), QStringLiteral("Chloé")}, {QStringLiteral("Email"), QStringLiteral("chloe@example.com")}});
        RunOutcome outcome = pull(QStringLiteral("People"));
        QVERIFY2(outcome.status == RunStatus::PartiallyFailed && outcome.counters.created == 1, qPrintable(described(outcome)));
        QCOMPARE(outcome.counters.failed, 2);
        QCOMPARE(outcome.rowsWaiting, 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM people WHERE sp_id = %1").arg(fine)), 1);
        const auto queued = LedgerRepository(*m_store).retries(definitionId(QStringLiteral("People")));
        QCOMPARE(queued->size(), 2);
        QStringList errors;
        for (const RetryItem &item : *queued)
            errors << item.lastError;
        const QString all = errors.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("duplicate key value violates unique constraint")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("null value in column \"name\"")), qPrintable(all));

        // Put right in SharePoint: the next run's retries write them, and the queue is empty.
        QCOMPARE(editItem(m_peopleList, twin, {{QStringLiteral("Email"), QStringLiteral("twin@example.com")}}), 200);
        QCOMPARE(editItem(m_peopleList, nameless, {{QStringLiteral("PersonName"), QStringLiteral("Named now")}}), 200);
        outcome = pull(QStringLiteral("People"));
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(outcome.message));
        QCOMPARE(outcome.rowsWaiting, 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM people WHERE sp_id IN (%1, %2)").arg(twin, nameless)), 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM people")), 5);
    }

    void deletesGoBehindTheCircuitBreaker()
    {
        // Five rows; one deleted item is 20 %: not more than the share, so it goes at once.
        const QStringList items
            = sql(QStringLiteral("SELECT string_agg(sp_id::text, ',' ORDER BY sp_id) FROM people")).split(QLatin1Char(','));
        QCOMPARE(items.size(), 5);
        QCOMPARE(deleteItem(m_peopleList, items.at(0)), 204);
        RunOutcome outcome = pull(QStringLiteral("People"));
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.counters.deleted, 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM people")), 4);

        // Two of four is more than 20 %: declined, nothing goes and the next run asks again.
        QCOMPARE(deleteItem(m_peopleList, items.at(1)), 204);
        QCOMPARE(deleteItem(m_peopleList, items.at(2)), 204);
        int asked = 0;
        outcome = pull(QStringLiteral("People"), [&](const MassDeleteCheck &check) {
            ++asked;
            return check.deletions == 2 && check.items == 4 && false;
        });
        QCOMPARE(asked, 1);
        QCOMPARE(outcome.status, RunStatus::PartiallyFailed);
        QCOMPARE(outcome.heldBackDeletes, 2);
        QVERIFY(eventTypes(outcome.runId).contains(QStringLiteral("deletes-held-back")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM people")), 4);
        outcome = pull(QStringLiteral("People"), [](const MassDeleteCheck &check) { return check.deletions == 2; });
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.counters.deleted, 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM people")), 2);
        QCOMPARE(LedgerRepository(*m_store).entries(definitionId(QStringLiteral("People")))->size(), 2);
    }

    void deletedItemsMarkTheirRowsWithMark()
    {
        // MARK needs the table's syncbridge_gone column: without it the run is refused, saying what to add.
        sql(QStringLiteral("CREATE TABLE marked (id serial PRIMARY KEY, name text, sp_id int)"));
        const QString list = m_emulator.createList(QStringLiteral("Marked"),
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("PersonName")}, {QStringLiteral("text"), QJsonObject{}}}});
        QJsonObject id = pullMapping(QStringLiteral("sp_id"), QStringLiteral("ID"), QStringLiteral("PULL_ONLY"));
        id.insert(QStringLiteral("system"), true);
        importDefinitionsJson(
            {syncDefinitionJson(QStringLiteral("Marked"), QStringLiteral("PULL"), QStringLiteral("marked"), QStringLiteral("Marked"),
                QJsonArray{pullMapping(QStringLiteral("name"), QStringLiteral("PersonName"), QStringLiteral("PULL_ONLY")), id},
                QStringLiteral("MARK"))});
        const RunOutcome refused = pull(QStringLiteral("Marked"));
        QCOMPARE(refused.status, RunStatus::Failed);
        QVERIFY2(refused.message.contains(QStringLiteral("ADD COLUMN syncbridge_gone")), qPrintable(refused.message));

        sql(QStringLiteral("ALTER TABLE marked ADD COLUMN syncbridge_gone timestamptz"));
        QStringList items;
        for (const char *name : {"Ann", "Bob", "Cy", "Di", "Ed"})
            items << addItem(list, {{QStringLiteral("PersonName"), QString::fromLatin1(name)}});
        QCOMPARE(pull(QStringLiteral("Marked")).counters.created, 5);
        // One of five deleted in SharePoint: its row stays, marked with when the run saw it; the others are not marked.
        QCOMPARE(deleteItem(list, items.at(1)), 204);
        const RunOutcome marked = pull(QStringLiteral("Marked"));
        QVERIFY2(marked.status == RunStatus::Succeeded, qPrintable(described(marked)));
        QCOMPARE(marked.counters.deleted, 1);
        QVERIFY(eventTypes(marked.runId).contains(QStringLiteral("rows-marked")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM marked")), 5);
        QCOMPARE(sql(QStringLiteral("SELECT string_agg(name, ',' ORDER BY name) FROM marked WHERE syncbridge_gone IS NOT NULL")),
            QStringLiteral("Bob"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM marked WHERE syncbridge_gone > now() - interval '10 minutes'")), 1);
        // The ledger forgot the item; the next run marks nothing again and a new item is a new row.
        QCOMPARE(LedgerRepository(*m_store).entries(definitionId(QStringLiteral("Marked")))->size(), 4);
        addItem(list, {{QStringLiteral("PersonName"), QStringLiteral("Bob")}});
        const RunOutcome again = pull(QStringLiteral("Marked"));
        QCOMPARE(again.counters.created, 1);
        QCOMPARE(again.counters.deleted, 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM marked WHERE name = 'Bob' AND syncbridge_gone IS NULL")), 1);

        // Two of five is more than the share: the marks go behind the breaker like deletes.
        QCOMPARE(deleteItem(list, items.at(2)), 204);
        QCOMPARE(deleteItem(list, items.at(3)), 204);
        const RunOutcome held = pull(QStringLiteral("Marked"), [](const MassDeleteCheck &) { return false; });
        QCOMPARE(held.heldBackDeletes, 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM marked WHERE syncbridge_gone IS NOT NULL")), 1);
    }

    void aRefusedDeltaTokenResyncsAndAppliesTheDifferences()
    {
        const QStringList items
            = sql(QStringLiteral("SELECT string_agg(sp_id::text, ',' ORDER BY sp_id) FROM people")).split(QLatin1Char(','));
        QCOMPARE(items.size(), 2);
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/delta/reset")).status, 204);
        QCOMPARE(editItem(m_peopleList, items.at(0), {{QStringLiteral("PersonName"), QStringLiteral("Renamed after the reset")}}), 200);
        QCOMPARE(deleteItem(m_peopleList, items.at(1)), 204);
        const RunOutcome outcome = pull(QStringLiteral("People"), [](const MassDeleteCheck &) { return true; });
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(outcome.message));
        QVERIFY(eventTypes(outcome.runId).contains(QStringLiteral("delta-resync")));
        QCOMPARE(outcome.counters.updated, 1);
        QCOMPARE(outcome.counters.deleted, 1);
        QCOMPARE(sql(QStringLiteral("SELECT string_agg(name, ',') FROM people")), QStringLiteral("Renamed after the reset"));
    }

    // An agent's run on time is recorded as such, by the agent's name (the Runs page's "Started by").
    void aScheduledPullIsRecordedWithItsAgent()
    {
        RunOptions scheduled = pushOptions(500);
        scheduled.trigger = RunTrigger::Scheduled;
        scheduled.agentName = QStringLiteral("nightly-agent");
        const RunOutcome outcome = pull(QStringLiteral("People"), {}, scheduled);
        QVERIFY2(outcome.status != RunStatus::Failed, qPrintable(described(outcome)));
        const auto run = RunRepository(*m_store).run(outcome.runId);
        QVERIFY(run.ok());
        QCOMPARE(run->trigger, RunTrigger::Scheduled);
        QCOMPARE(run->agentName, QStringLiteral("nightly-agent"));
    }

    void aTwoWayDefinitionRunsAsOneTwoWayRun()
    {
        // RunByMode gives TWO_WAY its own run (tst_twoway covers what it does): one run record of type TWO_WAY.
        sql(QStringLiteral("CREATE TABLE both_ways (id int PRIMARY KEY, name text, updated_at timestamptz NOT NULL DEFAULT now());"
                           "INSERT INTO both_ways (id, name) VALUES (1, 'Ann')"));
        const QString list = m_emulator.createList(QStringLiteral("Both ways"),
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("RowKey")}, {QStringLiteral("number"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("PersonName")}, {QStringLiteral("text"), QJsonObject{}}}});
        importDefinitionsJson({syncDefinitionJson(QStringLiteral("Both ways"), QStringLiteral("TWO_WAY"), QStringLiteral("both_ways"),
            QStringLiteral("Both ways"),
            QJsonArray{pullMapping(QStringLiteral("id"), QStringLiteral("RowKey"), QStringLiteral("BIDIRECTIONAL"), true),
                pullMapping(QStringLiteral("name"), QStringLiteral("PersonName"), QStringLiteral("BIDIRECTIONAL"))})});
        addItem(list, {{QStringLiteral("RowKey"), 2}, {QStringLiteral("PersonName"), QStringLiteral("Bea")}});
        RunController controller(m_store, m_secrets);
        const RunOutcome outcome = await<RunOutcome>([&](auto done) {
            QObject::connect(
                &controller, &RunController::finished, &controller, [done](qint64, const RunOutcome &finished) { done(finished); });
            QVERIFY(controller.start(definitionId(QStringLiteral("Both ways"))).ok());
        });
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(described(outcome)));
        QCOMPARE(RunRepository(*m_store).run(outcome.runId)->type, RunType::TwoWay);
        QCOMPARE(outcome.counters.created, 2); // a row for the item, an item for the row
        QCOMPARE(sql(QStringLiteral("SELECT name FROM both_ways WHERE id = 2")), QStringLiteral("Bea"));
    }

    void cleanupTestCase() { m_store.reset(); }
};

QTEST_GUILESS_MAIN(PullEngineTest)
#include "tst_pullengine.moc"
