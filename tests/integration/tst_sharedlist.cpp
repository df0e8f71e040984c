// Two definitions writing one SharePoint list, against a real PostgreSQL, the emulator and real
// syncbridge-cli processes killed while they create: each definition's SyncBridgeKeys are its own
// (a key salt per definition), so recovery and the twin check never adopt or delete the other's
// items. Importing the second definition warns that the list is shared.
#include "pushoptions.h"
#include "pushtestbase.h"

#include <QRandomGenerator>

#include <csignal>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestSharedList : public PushTestBase
{
    Q_OBJECT

    // The demo push into one list "Shared" (no routing), under another name.
    static QJsonObject sharedListDefinition(const QString &name)
    {
        QJsonObject definition = definitionJson(name, QStringLiteral("unused "));
        definition.insert(QStringLiteral("targetStrategy"), QStringLiteral("SINGLE"));
        definition.insert(QStringLiteral("targets"),
            QJsonArray{
                QJsonObject{{QStringLiteral("name"), QStringLiteral("All")}, {QStringLiteral("connection"), QStringLiteral("Emulator")},
                    {QStringLiteral("site"), QStringLiteral("contoso.sharepoint.com:/sites/pmo")},
                    {QStringLiteral("list"), QStringLiteral("Shared")}}});
        definition.remove(QStringLiteral("sharding"));
        return definition;
    }

private slots:
    void initTestCase() { startWith({sharedListDefinition(QStringLiteral("First"))}); }

    void twoDefinitionsOnOneListKeepToTheirOwnItemsThroughCrashes()
    {
        const auto imported = importDefinitions(*m_store,
            QJsonDocument(QJsonObject{{QStringLiteral("definitions"), QJsonArray{sharedListDefinition(QStringLiteral("Second"))}}})
                .toJson());
        QVERIFY(imported.ok() && imported->ok());
        QCOMPARE(imported->warnings.size(), 1);
        QVERIFY2(imported->warnings.first().message.contains(QStringLiteral("'First' writes to the list 'Shared' too")),
            qPrintable(imported->warnings.first().message));

        // Both push the same rows into one list, each killed a few times while it creates.
        m_emulator.admin("PATCH", QStringLiteral("/config"),
            {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMinMs"), 20}, {QStringLiteral("randomMaxMs"), 60}}}});
        QRandomGenerator random(20261202);
        int kills = 0;
        for (int round = 0; round < 3; ++round) {
            for (const QString &definition : {QStringLiteral("First"), QStringLiteral("Second")}) {
                QProcess run;
                startCli(run, definition);
                QVERIFY(run.waitForStarted());
                if (!run.waitForFinished(600 + int(random.bounded(900)))) {
                    ::kill(pid_t(run.processId()), SIGKILL);
                    run.waitForFinished();
                    ++kills;
                }
            }
        }
        m_emulator.admin("PATCH", QStringLiteral("/config"),
            {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMinMs"), 0}, {QStringLiteral("randomMaxMs"), 0}}}});
        QVERIFY(kills >= 4);
        for (const QString &definition : {QStringLiteral("First"), QStringLiteral("Second")}) {
            const RunOutcome last = push(definition);
            QVERIFY2(last.status == RunStatus::Succeeded, qPrintable(last.message));
        }

        // Every row twice in the list — once per definition — each item in exactly one ledger.
        const QJsonArray items = listContents(QStringLiteral("Shared")).value(QString());
        const int rows = sql(QStringLiteral("SELECT count(*) FROM projects")).toInt();
        QCOMPARE(items.size(), 2 * rows);
        QHash<QString, QString> keyOfItem;
        for (const QJsonValue &item : items)
            keyOfItem.insert(item.toObject().value(QStringLiteral("id")).toString(),
                item.toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("SyncBridgeKey")).toString());
        QSet<QString> claimed;
        for (const QString &definition : {QStringLiteral("First"), QStringLiteral("Second")}) {
            const auto ledger = LedgerRepository(*m_store).entries(DefinitionRepository(*m_store).byName(definition)->id);
            QCOMPARE(ledger->size(), rows);
            for (const LedgerEntry &entry : *ledger) {
                QCOMPARE(entry.state, LedgerState::Synced);
                QCOMPARE(keyOfItem.value(entry.itemId), entry.identityHash); // its own key on its own item
                QVERIFY2(!claimed.contains(entry.itemId), qPrintable(QStringLiteral("item %1 in both ledgers").arg(entry.itemId)));
                claimed.insert(entry.itemId);
            }
        }
        qInfo("killed syncbridge-cli %d times across two definitions on one list", kills);
    }
};

QTEST_GUILESS_MAIN(TestSharedList)
#include "tst_sharedlist.moc"
