// syncbridge-cli as users run it: a real process, a real SQLite meta-store, exit codes and output.
#include "clirun.h"
#include "postgresfixture.h"
#include "testca.h"
#include "testpaths.h"

#include "model/definitionjson.h"
#include "store/connectionrepository.h"
#include "store/metastore.h"
#include "store/storelocation.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace SyncBridge;

using Test::CliRun;

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString storePath() const { return m_dir.filePath(QStringLiteral("store.db")); }

    CliRun cli(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        process.setProcessEnvironment(environment);
        QStringList all{QStringLiteral("--store"), storePath()};
        all << arguments;
        process.start(Test::cliPath(), all);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

private slots:
    void versionAndUsage()
    {
        const CliRun version = cli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.contains(QStringLiteral(SYNCBRIDGE_VERSION)));

        const CliRun help = cli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("definitions import")));

        QCOMPARE(cli({}).exitCode, 64);
        const CliRun unknown = cli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 64);
        QVERIFY(unknown.err.contains(QStringLiteral("unknown command 'frobnicate'")));
        QCOMPARE(cli({QStringLiteral("--secrets"), QStringLiteral("plaintext"), QStringLiteral("summary")}).exitCode, 64);
        QCOMPARE(cli({QStringLiteral("connections"), QStringLiteral("add-database"), QStringLiteral("--name"), QStringLiteral("x"),
                      QStringLiteral("--database"), QStringLiteral("d"), QStringLiteral("--port"), QStringLiteral("99999")}).exitCode, 64);
    }

    void passwordInStoreUrlIsRefused()
    {
        const CliRun run = cli({QStringLiteral("--store"), QStringLiteral("postgresql://u:secret@localhost/db"), QStringLiteral("summary")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY(run.err.contains(QStringLiteral("PGPASSWORD")));
    }

    void addConnections()
    {
        CliRun run = cli({QStringLiteral("connections"), QStringLiteral("add-database"), QStringLiteral("--name"), QStringLiteral("Demo projects"),
                          QStringLiteral("--database"), QStringLiteral("demo"), QStringLiteral("--port"),
                          QString::number(Test::PostgresFixture::freeLoopbackPort())});
        QCOMPARE(run.exitCode, 0);
        run = cli({QStringLiteral("connections"), QStringLiteral("add-sharepoint"), QStringLiteral("--name"), QStringLiteral("Demo tenant"),
                   QStringLiteral("--tenant"), QStringLiteral("contoso"), QStringLiteral("--client-id"), QStringLiteral("app")});
        QCOMPARE(run.exitCode, 0);
        const CliRun summary = cli({QStringLiteral("summary")});
        QCOMPARE(summary.exitCode, 0);
        QVERIFY(summary.out.contains(QStringLiteral("Database connections: 1")));
        QVERIFY(summary.out.contains(QStringLiteral("SharePoint connections: 1")));
        QVERIFY2(summary.out.contains(QStringLiteral("budget: 0 of 1200000 RU today (0.0 %), 0 of 1250 RU admitted in the last minute")),
            qPrintable(summary.out));
    }

    void addSharePointWithAnExtraCaCertificate()
    {
        // --ca-file: a file without a certificate is refused by name and nothing is added; a CA file's
        // subject and expiry are printed and its PEM text is stored with the connection.
        Test::TestCertificateAuthority ca;
        QString error;
        QVERIFY2(ca.create(&error), qPrintable(error));
        const QString junk = m_dir.filePath(QStringLiteral("junk.pem"));
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("not a certificate\n") > 0);
        file.close();
        const QStringList add{QStringLiteral("connections"), QStringLiteral("add-sharepoint"), QStringLiteral("--name"),
            QStringLiteral("Behind the proxy"), QStringLiteral("--tenant"), QStringLiteral("contoso"), QStringLiteral("--client-id"),
            QStringLiteral("app"), QStringLiteral("--ca-file")};
        const CliRun refused = cli(add + QStringList{junk});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(QStringLiteral("No certificate was found")), qPrintable(refused.err));

        const CliRun added = cli(add + QStringList{ca.caCertificateFile()});
        QCOMPARE(added.exitCode, 0);
        QVERIFY2(added.out.contains(QStringLiteral("Extra CA certificate: SyncBridge Test CA (expires ")), qPrintable(added.out));
        auto store = MetaStore::open(*StoreLocation::parse(storePath()));
        QVERIFY(store.ok());
        const auto connection = ConnectionRepository(**store).sharePointConnectionByName(QStringLiteral("Behind the proxy"));
        QVERIFY(connection.ok());
        QCOMPARE(connection->extraCaCertificates.toLatin1(), ca.caPem());
    }

    void refusedConnectionTestFails()
    {
        const CliRun run = cli({QStringLiteral("connections"), QStringLiteral("test"), QStringLiteral("Demo projects")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("FAILED")));
        QVERIFY(run.err.contains(QStringLiteral("connection-refused")));
        QVERIFY(!run.out.contains(QStringLiteral("FAILED"))); // failures on stderr only
    }

    void importWithFiveErrorsChangesNothing()
    {
        const CliRun run = cli({QStringLiteral("definitions"), QStringLiteral("import"), Test::testDataPath(QStringLiteral("five-errors.json"))});
        QCOMPARE(run.exitCode, 65);
        QVERIFY(run.err.contains(QStringLiteral("5 problems; nothing was imported")));
        for (const char *path : {"$.definitions[0].mode:", "$.definitions[0].cursor.column:", "$.definitions[0].schedule.timeZone:",
                                 "$.definitions[0].mappings[1].target:", "$.definitions[1].name:"})
            QVERIFY2(run.err.contains(QLatin1String(path)), path);
        const CliRun list = cli({QStringLiteral("definitions"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains(QStringLiteral("No sync definitions yet")));
    }

    void importExportRoundTrip()
    {
        const QString source = Test::testDataPath(QStringLiteral("valid-definitions.json"));
        CliRun run = cli({QStringLiteral("definitions"), QStringLiteral("import"), source});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("Definitions imported: 1 new, 0 replaced.")));

        const QString exported = m_dir.filePath(QStringLiteral("export.json"));
        run = cli({QStringLiteral("definitions"), QStringLiteral("export"), QStringLiteral("--all"), QStringLiteral("-o"), exported});
        QCOMPARE(run.exitCode, 0);
        QFile original(source), written(exported);
        QVERIFY(original.open(QIODevice::ReadOnly) && written.open(QIODevice::ReadOnly));
        const DefinitionsDocument a = parseDefinitionsDocument(original.readAll());
        const DefinitionsDocument b = parseDefinitionsDocument(written.readAll());
        QVERIFY(a.valid() && b.valid());
        QCOMPARE(definitionsToDocument(b.definitions), definitionsToDocument(a.definitions));

        const CliRun one = cli({QStringLiteral("definitions"), QStringLiteral("export"), QStringLiteral("Projects by status")});
        QCOMPARE(one.exitCode, 0);
        QVERIFY(one.out.contains(QStringLiteral("\"budget_amount >= 1000000\"")));
        QCOMPARE(cli({QStringLiteral("definitions"), QStringLiteral("export"), QStringLiteral("Nope")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("definitions"), QStringLiteral("export")}).exitCode, 64);
    }

    void runOptionsAreCheckedBeforeAnythingRuns()
    {
        // (the definition imported above; its database does not answer, so a run that started would exit 2)
        const QString definition = QStringLiteral("Projects by status");
        CliRun run = cli({QStringLiteral("run"), definition, QStringLiteral("--backfill"), QStringLiteral(" , ")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains(QStringLiteral("--backfill needs at least one field name")), qPrintable(run.err));
        run = cli({QStringLiteral("run"), definition, QStringLiteral("--backfill"), QStringLiteral("name"), QStringLiteral("--dry-run")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY(run.err.contains(QStringLiteral("cannot be combined")));
        run = cli({QStringLiteral("run"), definition, QStringLiteral("--page-size"), QStringLiteral("0")});
        QCOMPARE(run.exitCode, 64);
        QCOMPARE(cli({QStringLiteral("run"), QStringLiteral("No such definition")}).exitCode, 2);
    }

    void lookBackTakesWholeSecondsAndReachesTheRun()
    {
        // A negative or non-numeric floor is a usage error naming the option and the value; an
        // accepted one gets past the checks into a run (whose database does not answer: exit 2).
        const QString definition = QStringLiteral("Projects by status");
        for (const char *wrong : {"-5", "abc", "1.5", ""}) {
            const CliRun run = cli({QStringLiteral("run"), definition, QStringLiteral("--look-back"), QLatin1String(wrong)});
            QCOMPARE(run.exitCode, 64);
            QVERIFY2(run.err.contains(
                         QStringLiteral("--look-back must be a whole number of seconds, 0 or more (not '%1')").arg(QLatin1String(wrong))),
                qPrintable(run.err));
        }
        for (const char *accepted : {"0", "3600"}) {
            const CliRun run = cli({QStringLiteral("run"), definition, QStringLiteral("--look-back"), QLatin1String(accepted)});
            QVERIFY2(run.exitCode == 2, qPrintable(run.err + run.out));
            QVERIFY2(run.out.contains(QStringLiteral(": FAILED")), qPrintable(run.out)); // the run's own status line
            QVERIFY2(run.out.trimmed().startsWith(QStringLiteral("Run ")), qPrintable(run.out)); // and nothing else
            QVERIFY2(run.err.contains(QStringLiteral("detail (")), qPrintable(run.err));         // why, on stderr
        }
        const CliRun help = cli({QStringLiteral("--help")});
        QVERIFY(help.out.contains(QStringLiteral("--look-back <seconds>")));
    }

    void theDefinitionsReferenceExamplesImport()
    {
        // docs/definitions.md can never go stale: its tables are created in a real PostgreSQL and
        // catalogued, every complete JSON example is imported by the real CLI into a store that knows
        // the connections it names, and the problems it quotes are what import prints.
        QFile page(QDir::cleanPath(Test::testDataPath(QStringLiteral("../../docs/definitions.md"))));
        QVERIFY2(page.open(QIODevice::ReadOnly), qPrintable(page.fileName()));
        const QString text = QString::fromUtf8(page.readAll());
        const auto blocks = [&](const QString &language) { // the fenced blocks of one language, line by line
            QStringList found;
            std::optional<QString> open; // the language of the block being read
            QString body;
            for (const QString &line : text.split(QLatin1Char('\n'))) {
                if (!line.startsWith(QLatin1String("```"))) {
                    if (open)
                        body += line + QLatin1Char('\n');
                    continue;
                }
                if (!open) {
                    open = line.mid(3).trimmed();
                    body.clear();
                    continue;
                }
                if (*open == language)
                    found << body;
                open.reset();
            }
            return found;
        };
        const QStringList sql = blocks(QStringLiteral("sql"));
        const QStringList examples = blocks(QStringLiteral("json"));
        QStringList quotedProblems;
        for (const QString &block : blocks(QString())) {
            if (block.startsWith(QLatin1String("$.definitions")))
                quotedProblems << block.trimmed();
        }
        QCOMPARE(sql.size(), 1);
        QVERIFY2(examples.size() >= 6, qPrintable(QString::number(examples.size())));
        QCOMPARE(quotedProblems.size(), 2);

        Test::PostgresFixture postgres;
        QVERIFY(postgres.start().ok());
        QVERIFY(postgres.createDatabase(QStringLiteral("northwind")).ok());
        const QString tables = m_dir.filePath(QStringLiteral("northwind.sql"));
        QFile script(tables);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(sql.first().toUtf8());
        script.close();
        QVERIFY(postgres.runSqlFile(QStringLiteral("northwind"), tables).ok());
        qputenv("PGPASSWORD", postgres.password().toUtf8()); // the connection names no secret: libpq reads it

        const QStringList store{QStringLiteral("--store"), m_dir.filePath(QStringLiteral("docs.db"))};
        CliRun run = cli(store
            + QStringList{QStringLiteral("connections"), QStringLiteral("add-database"), QStringLiteral("--name"),
                QStringLiteral("Northwind"), QStringLiteral("--database"), QStringLiteral("northwind"), QStringLiteral("--host"),
                postgres.host(), QStringLiteral("--port"), QString::number(postgres.port()), QStringLiteral("--user"),
                postgres.superuser()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = cli(store + QStringList{QStringLiteral("introspect"), QStringLiteral("Northwind")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        run = cli(store
            + QStringList{QStringLiteral("connections"), QStringLiteral("add-sharepoint"), QStringLiteral("--name"),
                QStringLiteral("Contoso"), QStringLiteral("--tenant"), QStringLiteral("contoso"), QStringLiteral("--client-id"),
                QStringLiteral("app")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        QJsonArray all;
        for (int i = 0; i < examples.size(); ++i) {
            const QString file = m_dir.filePath(QStringLiteral("example-%1.json").arg(i));
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(examples.at(i).toUtf8());
            out.close();
            run = cli(store + QStringList{QStringLiteral("definitions"), QStringLiteral("import"), file});
            QVERIFY2(run.exitCode == 0 && run.out.contains(QStringLiteral("Definitions imported: 1 new, 0 replaced.")),
                qPrintable(QStringLiteral("example %1 (%2): %3%4").arg(i + 1).arg(examples.at(i).left(200), run.err, run.out)));
            QVERIFY2(!run.err.contains(QStringLiteral("warning")), qPrintable(run.err)); // the examples follow their own advice
            all.append(QJsonDocument::fromJson(examples.at(i).toUtf8()).object().value(QStringLiteral("definitions")).toArray().first());
        }

        // The problems the page quotes: a rule written with '=' and an unknown transform, as import prints them.
        QJsonObject employees, customersByRegion;
        for (const QJsonValue &definition : std::as_const(all)) {
            const QString name = definition.toObject().value(QStringLiteral("name")).toString();
            if (name == QLatin1String("Employees"))
                employees = definition.toObject();
            if (name == QLatin1String("Customers by region"))
                customersByRegion = definition.toObject();
        }
        QVERIFY(!employees.isEmpty() && !customersByRegion.isEmpty());
        QJsonArray mappings = employees.value(QStringLiteral("mappings")).toArray();
        QJsonObject hired = mappings.at(3).toObject();
        hired.insert(QStringLiteral("transform"), QStringLiteral("TO_TEXT"));
        mappings.replace(3, hired);
        employees.insert(QStringLiteral("mappings"), mappings);
        QJsonObject sharding = customersByRegion.value(QStringLiteral("sharding")).toObject();
        QJsonArray rules = sharding.value(QStringLiteral("rules")).toArray();
        QJsonObject americas = rules.at(1).toObject();
        americas.insert(QStringLiteral("condition"), QStringLiteral("country = 'USA'"));
        rules.replace(1, americas);
        sharding.insert(QStringLiteral("rules"), rules);
        customersByRegion.insert(QStringLiteral("sharding"), sharding);
        for (const QJsonObject &broken : {customersByRegion, employees}) {
            const QString file = m_dir.filePath(QStringLiteral("broken.json"));
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(QJsonDocument(QJsonObject{{QStringLiteral("definitions"), QJsonArray{broken}}}).toJson());
            out.close();
            run = cli(store + QStringList{QStringLiteral("definitions"), QStringLiteral("import"), file});
            QCOMPARE(run.exitCode, 65);
            QVERIFY2(run.err.contains(QStringLiteral("1 problem; nothing was imported")), qPrintable(run.err));
            const QString quoted = broken == employees ? quotedProblems.filter(QStringLiteral("transform")).value(0)
                                                       : quotedProblems.filter(QStringLiteral("condition")).value(0);
            QVERIFY(!quoted.isEmpty());
            QVERIFY2(run.err.contains(QStringLiteral("  ") + quoted + QLatin1Char('\n')), qPrintable(run.err));
        }
        qunsetenv("PGPASSWORD");
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
