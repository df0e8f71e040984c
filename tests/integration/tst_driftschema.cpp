// Schema drift (issue 18, item 2): after a push the catalog knows the table and the lists as the
// definition was made against them; then the table is altered (a mapped column renamed, one dropped,
// one retyped, one added) and the lists' columns are changed as a person does in SharePoint (deleted,
// renamed, made read-only). The drift check names each, with what to do, and `drift check` prints
// them first and exits 1.
#include "drifttestbase.h"

#include "graph/connectionsettings.h"
#include "graph/discovery.h"
#include "graph/graphclient.h"
#include "source/probe.h"
#include "store/catalogrepository.h"

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestDriftSchema : public DriftTestBase
{
    Q_OBJECT

    // The catalog's reading of the table and the lists, as the catalog page and the editor make it.
    void readCatalog()
    {
        const QString password = m_postgres.password();
        auto introspected
            = introspectDatabase(m_demo.database(), [password](const DatabaseInstance &) -> Result<QString> { return password; });
        QVERIFY2(introspected.ok(), qPrintable(introspected ? QString() : introspected.error().toString()));
        QVERIFY(CatalogRepository(*m_store)
                    .saveIntrospection(m_demo.database().id, introspected->tables, QDateTime::currentDateTimeUtc())
                    .ok());

        const SharePointConnection &connection = m_demo.sharePointConnection();
        GraphClient client(GraphEndpoint::from(connection), secretSourceFor(m_secrets, connection), m_governor);
        auto site = await<Result<SharePointSite>>(
            [&](auto done) { Discovery::site(client, QStringLiteral("contoso.sharepoint.com:/sites/pmo"), done); });
        QVERIFY(site.ok());
        site->connectionId = connection.id;
        QVERIFY(CatalogRepository(*m_store).saveSite(*site).ok());
        auto lists = await<Result<QList<SharePointList>>>([&](auto done) { Discovery::lists(client, site->graphId, done); });
        QVERIFY(lists.ok());
        int saved = 0;
        for (SharePointList list : std::as_const(*lists)) {
            if (!list.displayName.startsWith(QStringLiteral("D ")))
                continue;
            auto columns
                = await<Result<QList<SharePointColumn>>>([&](auto done) { Discovery::columns(client, site->graphId, list.graphId, done); });
            QVERIFY(columns.ok());
            list.columns = *columns;
            list.siteId = site->id;
            QVERIFY(CatalogRepository(*m_store).saveList(list).ok());
            ++saved;
        }
        QCOMPARE(saved, 3);
    }

    int changeColumn(const QString &list, const QString &column, const QJsonObject &change)
    {
        return m_emulator.admin("PATCH", QStringLiteral("/lists/%1/columns/%2").arg(listId(list), column), change).status;
    }

    const SchemaFinding *find(const QList<SchemaFinding> &findings, SchemaFinding::Kind kind, const QString &column)
    {
        for (const SchemaFinding &finding : findings) {
            if (finding.kind == kind && finding.columns.contains(column))
                return &finding;
        }
        return nullptr;
    }

    QString described(const QList<SchemaFinding> &findings)
    {
        QStringList lines;
        for (const SchemaFinding &finding : findings)
            lines << kindName(finding.kind) + QStringLiteral(": ") + finding.message;
        return lines.join(QLatin1Char('\n'));
    }

private slots:
    void initTestCase()
    {
        startDrift();
        readCatalog();
    }

    void anUnchangedDefinitionHasNoSchemaDrift()
    {
        const DriftReport report = check();
        QVERIFY2(report.schema.isEmpty(), qPrintable(described(report.schema)));
        QVERIFY(report.dataNotCompared.isEmpty());
        QVERIFY(report.inSync());
    }

    void eachChangeIsFoundWithWhatToDo()
    {
        sql(QStringLiteral("ALTER TABLE drift_projects RENAME COLUMN manager_email TO manager_mail"));
        sql(QStringLiteral("ALTER TABLE drift_projects DROP COLUMN tags"));
        sql(QStringLiteral("ALTER TABLE drift_projects ALTER COLUMN name TYPE integer USING length(name)"));
        sql(QStringLiteral("ALTER TABLE drift_projects ADD COLUMN priority date"));
        QCOMPARE(
            m_emulator.admin("DELETE", QStringLiteral("/lists/%1/columns/updated_at").arg(listId(QStringLiteral("D Other")))).status, 204);
        QCOMPARE(changeColumn(QStringLiteral("D Large"), QStringLiteral("start_date"),
                     {{QStringLiteral("displayName"), QStringLiteral("Kick-off")}}),
            204);
        QCOMPARE(changeColumn(QStringLiteral("D Active"), QStringLiteral("status"), {{QStringLiteral("readOnly"), true}}), 204);

        std::optional<Error> error;
        const DriftReport report = check(&error);
        QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
        const QList<SchemaFinding> &findings = report.schema;
        QVERIFY2(findings.size() == 7, qPrintable(described(findings)));
        QVERIFY(hasBlocking(findings));

        const SchemaFinding *renamed = find(findings, SchemaFinding::Kind::SourceRenamed, QStringLiteral("manager_email"));
        QVERIFY2(renamed, qPrintable(described(findings)));
        QCOMPARE(renamed->columns, (QStringList{QStringLiteral("manager_email"), QStringLiteral("manager_mail")}));
        QCOMPARE(renamed->severity, SchemaFinding::Severity::Blocking);
        QCOMPARE(
            renamed->whatToDo, QStringLiteral("Map manager_mail instead of manager_email in the mapping editor, or restore the column."));

        const SchemaFinding *dropped = find(findings, SchemaFinding::Kind::SourceDropped, QStringLiteral("tags"));
        QVERIFY2(dropped, qPrintable(described(findings)));
        QCOMPARE(dropped->whatToDo, QStringLiteral("Remove the mapping of tags in the mapping editor, or restore the column."));

        const SchemaFinding *retyped = find(findings, SchemaFinding::Kind::SourceTypeChanged, QStringLiteral("name"));
        QVERIFY2(retyped, qPrintable(described(findings)));
        QCOMPARE(retyped->severity, SchemaFinding::Severity::Blocking); // a number into a text column needs FORMAT
        QVERIFY2(
            retyped->message.startsWith(QStringLiteral("The type of name changed from text to integer.")), qPrintable(retyped->message));

        const SchemaFinding *added = find(findings, SchemaFinding::Kind::SourceUnmapped, QStringLiteral("priority"));
        QVERIFY2(added, qPrintable(described(findings)));
        QCOMPARE(added->severity, SchemaFinding::Severity::Info);

        const SchemaFinding *deleted = find(findings, SchemaFinding::Kind::TargetDeleted, QStringLiteral("updated_at"));
        QVERIFY2(deleted, qPrintable(described(findings)));
        QCOMPARE(deleted->list, QStringLiteral("D Other"));
        QCOMPARE(deleted->severity, SchemaFinding::Severity::Blocking);

        const SchemaFinding *display = find(findings, SchemaFinding::Kind::TargetRenamed, QStringLiteral("Kick-off"));
        QVERIFY2(display, qPrintable(described(findings)));
        QCOMPARE(display->list, QStringLiteral("D Large"));
        QCOMPARE(display->severity, SchemaFinding::Severity::Warning);

        const SchemaFinding *readOnly = find(findings, SchemaFinding::Kind::TargetReadOnly, QStringLiteral("status"));
        QVERIFY2(readOnly, qPrintable(described(findings)));
        QCOMPARE(readOnly->list, QStringLiteral("D Active"));
        QCOMPARE(
            readOnly->whatToDo, QStringLiteral("Make the column writable again in SharePoint, or make the mapping of status pull-only."));

        // Blocking schema drift: no row is compared (each would read as differing), and a repair refuses.
        QVERIFY(!report.dataNotCompared.isEmpty());
        QVERIFY(report.entries.isEmpty());
        const RunOutcome repaired = repair(true);
        QCOMPARE(repaired.status, RunStatus::Failed);
        QVERIFY2(repaired.message.contains(QStringLiteral("The repair cannot run")), qPrintable(repaired.message));

        // Recorded with the check in run history.
        const QList<RunEvent> events = RunRepository(*m_store).events(report.runId).value();
        QVERIFY(std::any_of(events.cbegin(), events.cend(), [](const RunEvent &e) { return e.type == QLatin1String("schema-drift"); }));
    }

    void theCliPrintsSchemaDriftFirstAndExitsOne()
    {
        QProcess cli;
        startCliCommand(cli, {QStringLiteral("drift"), QStringLiteral("check"), definitionName}, cliEnvironment());
        QVERIFY(cli.waitForFinished(120000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(cli.exitCode() == 1, qPrintable(out + QString::fromUtf8(cli.readAllStandardError())));
        QVERIFY2(out.startsWith(QStringLiteral("Schema drift: 7 finding")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Blocking [source-renamed] The column manager_email is gone from public.drift_projects")),
            qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("→ Map manager_mail instead of manager_email in the mapping editor, or restore the column.")),
            qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Info [source-unmapped] priority (date) is new")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("The rows were not compared: the mappings no longer fit the columns")), qPrintable(out));

        QProcess json;
        startCliCommand(
            json, {QStringLiteral("drift"), QStringLiteral("check"), definitionName, QStringLiteral("--json")}, cliEnvironment());
        QVERIFY(json.waitForFinished(120000));
        QCOMPARE(json.exitCode(), 1);
        const QJsonObject report = QJsonDocument::fromJson(json.readAllStandardOutput()).object();
        const QJsonArray schema = report.value(QStringLiteral("schema")).toArray();
        QCOMPARE(schema.size(), 7);
        QVERIFY(report.value(QStringLiteral("schemaBlocking")).toBool());
        QStringList kinds;
        for (const QJsonValue &finding : schema)
            kinds << finding.toObject().value(QStringLiteral("kind")).toString();
        QVERIFY2(kinds.contains(QStringLiteral("target-read-only")) && kinds.contains(QStringLiteral("target-deleted")),
            qPrintable(kinds.join(u',')));
        QCOMPARE(schema.at(0).toObject().value(QStringLiteral("whatToDo")).toString().isEmpty(), false);
    }
};

QTEST_GUILESS_MAIN(TestDriftSchema)
#include "tst_driftschema.moc"
