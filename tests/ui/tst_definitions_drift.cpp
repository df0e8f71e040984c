// The definition editor's Drift tab against a real PostgreSQL and the real Graph emulator: a
// definition synced once into two lists, then changed by hand in SharePoint and in the table; the
// check (on a worker thread) shows the counts per list and class and the differences with both
// values, filters by class and list, exports CSV; "Repair…" shows the repair preview first, and the
// accepted repair runs, after which the next check finds only the item SyncBridge must not touch;
// a repair of one selected difference touches that one alone; the trend shows every check.
#include "demowindow.h"
#include "englishplurals.h"
#include "testpaths.h"

#include "definitions/definitioneditor.h"
#include "definitions/definitionspage.h"
#include "drift/driftpanel.h"
#include "drift/drifttrend.h"
#include "drift/repairpreviewdialog.h"
#include "mainwindow.h"

#include "source/probe.h"
#include "store/catalogrepository.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"
#include "sync/runcontroller.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {

const char *definitionJson = R"({
  "format": "syncbridge.definitions/1",
  "definitions": [{
    "name": "Regional orders",
    "mode": "PUSH",
    "source": {"database": "Demo projects", "schema": "public", "table": "drift_orders"},
    "key": {"strategy": "PRIMARY_KEY", "columns": ["region", "id"]},
    "cursor": {"strategy": "UPDATED_AT", "column": "updated_at"},
    "targetStrategy": "CONDITIONAL",
    "targets": [
      {"name": "EU", "connection": "Demo tenant", "site": "contoso.sharepoint.com:/sites/pmo", "list": "Drift EU"},
      {"name": "Rest", "connection": "Demo tenant", "site": "contoso.sharepoint.com:/sites/pmo", "list": "Drift elsewhere"}
    ],
    "sharding": {"rules": [{"condition": "region == 'EU'", "target": "EU"}], "default": "Rest"},
    "mappings": [
      {"source": "customer", "target": "Title", "direction": "PUSH_ONLY"},
      {"source": "amount", "target": "amount", "direction": "PUSH_ONLY"},
      {"source": "status", "target": "status", "direction": "PUSH_ONLY"}
    ]
  }]
})";

const QString adele = QStringLiteral("AdeleV@contoso.onmicrosoft.com");

} // namespace

class TestDefinitionsDrift : public QObject
{
    Q_OBJECT

private:
    DemoWindow m_ui;
    DemoEnvironment &m_demo = m_ui.demo();
    MainWindow *m_window = nullptr;

    DefinitionEditor *editor() const { return m_window->definitionsPage()->editor(); }
    DriftPanel *panel() const { return editor()->drift(); }

    void sql(const QString &statement)
    {
        const auto done = m_demo.postgres().query(QStringLiteral("demo"), statement);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
    }
    QString listId(const QString &name) { return m_demo.emulator().list(name).value(QStringLiteral("id")).toString(); }
    QJsonArray items(const QString &name)
    {
        return m_demo.emulator()
            .admin("GET", QStringLiteral("/lists/%1/items").arg(listId(name)))
            .json()
            .value(QStringLiteral("items"))
            .toArray();
    }
    int edit(const QByteArray &method, const QString &list, const QString &item, const QJsonObject &fields)
    {
        const QString path = item.isEmpty() ? QStringLiteral("/lists/%1/items").arg(listId(list))
                                            : QStringLiteral("/lists/%1/items/%2").arg(listId(list), item);
        return m_demo.emulator()
            .admin(method, path, QJsonObject{{QStringLiteral("user"), adele}, {QStringLiteral("fields"), fields}})
            .status;
    }
    bool check()
    {
        QSignalSpy checked(panel(), &DriftPanel::checkFinished);
        QTest::mouseClick(panel()->checkButton(), Qt::LeftButton);
        return checked.wait(60000);
    }
    QStringList column(QTableWidget *table, int column) const
    {
        QStringList cells;
        for (int row = 0; row < table->rowCount(); ++row)
            cells << table->item(row, column)->text();
        return cells;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(installEnglishPlurals(this));
        qRegisterMetaType<RunOutcome>();
        QString error;
        QVERIFY2(m_ui.start(&error), qPrintable(error));
        sql(QStringLiteral("CREATE TABLE drift_orders (region text NOT NULL, id integer NOT NULL, customer text NOT NULL, "
                           "amount numeric(10,2) NOT NULL, status text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(), "
                           "PRIMARY KEY (region, id));"
                           "INSERT INTO drift_orders (region, id, customer, amount, status) "
                           "SELECT r, i, 'Customer ' || r || '-' || i, i * 10, 'open' FROM unnest(ARRAY['EU', 'US']) AS r, "
                           "generate_series(1, 12) AS i"));
        QFile file(m_demo.path(QStringLiteral("drift.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(definitionJson);
        file.close();
        QVERIFY2(m_demo.importDefinitionsFile(file.fileName(), &error), qPrintable(error));
        m_window = m_ui.openWindow();
        m_window->resize(1360, 860);
        const qint64 id = DefinitionRepository(*m_demo.store()).byName(QStringLiteral("Regional orders"))->id;
        QSignalSpy ran(m_ui.runs(), &RunController::finished);
        QVERIFY(m_ui.runs()->start(id).ok());
        QVERIFY(ran.wait(60000));
        QCOMPARE(ran.first().at(1).value<RunOutcome>().status, RunStatus::Succeeded);

        // Drift by hand: an item deleted, two edited, one without SyncBridgeKey, a row gone.
        const QJsonArray eu = items(QStringLiteral("Drift EU"));
        const QJsonArray rest = items(QStringLiteral("Drift elsewhere"));
        QCOMPARE(eu.size(), 12);
        QCOMPARE(edit("DELETE", QStringLiteral("Drift EU"), eu.at(0).toObject().value(QStringLiteral("id")).toString(), {}), 204);
        QCOMPARE(edit("PATCH", QStringLiteral("Drift EU"), eu.at(1).toObject().value(QStringLiteral("id")).toString(),
                     {{QStringLiteral("amount"), 1234.5}, {QStringLiteral("status"), QStringLiteral("closed by hand")}}),
            200);
        QCOMPARE(edit("PATCH", QStringLiteral("Drift elsewhere"), rest.at(2).toObject().value(QStringLiteral("id")).toString(),
                     {{QStringLiteral("Title"), QStringLiteral("Renamed customer")}}),
            200);
        QCOMPARE(edit("POST", QStringLiteral("Drift elsewhere"), {}, {{QStringLiteral("Title"), QStringLiteral("Typed in by hand")}}), 201);
        sql(QStringLiteral("DELETE FROM drift_orders WHERE region = 'US' AND id = 12"));

        QSignalSpy definitionsLoaded(m_window->definitionsPage(), &DefinitionsPage::loaded);
        m_window->showPage(m_window->definitionsPage());
        m_window->show();
        QVERIFY(definitionsLoaded.wait());
        QTRY_COMPARE(editor()->definition().name, QStringLiteral("Regional orders"));
        editor()->setCurrentWidget(panel());
    }

    void cleanupTestCase() { m_ui.stop(); }

    void theCheckShowsCountsPerListAndTheDifferencesWithBothValues()
    {
        QTRY_VERIFY(panel()->checkButton()->isEnabled());
        QVERIFY(!panel()->repairButton()->isEnabled()); // nothing checked yet
        QVERIFY(check());
        QVERIFY2(panel()->status()->text().contains(QStringLiteral("5 difference")), qPrintable(panel()->status()->text()));
        QTableWidget *summary = panel()->summaryTable();
        QCOMPARE(column(summary, 0), (QStringList{QStringLiteral("Drift EU"), QStringLiteral("Drift elsewhere")}));
        // Rows, items, ledger, items − rows, then = + - * > ! ?
        QCOMPARE(summary->item(0, 1)->text(), QStringLiteral("12"));
        QCOMPARE(summary->item(0, 2)->text(), QStringLiteral("11"));
        QCOMPARE(summary->item(0, 5)->text(), QStringLiteral("10")); // =
        QCOMPARE(summary->item(0, 6)->text(), QStringLiteral("1"));  // +
        QCOMPARE(summary->item(0, 8)->text(), QStringLiteral("1"));  // *
        QCOMPARE(summary->item(1, 1)->text(), QStringLiteral("11"));
        QCOMPARE(summary->item(1, 2)->text(), QStringLiteral("13"));
        QCOMPARE(summary->item(1, 7)->text(), QStringLiteral("1"));  // -
        QCOMPARE(summary->item(1, 8)->text(), QStringLiteral("1"));  // *
        QCOMPARE(summary->item(1, 11)->text(), QStringLiteral("1")); // ?

        // '*' of the EU item: one line per field, SharePoint's value beside the table's.
        panel()->classFilter()->setCurrentIndex(panel()->classFilter()->findData(QStringLiteral("differs")));
        panel()->listFilter()->setCurrentIndex(panel()->listFilter()->findData(QStringLiteral("Drift EU")));
        QTableWidget *differences = panel()->differencesTable();
        QCOMPARE(differences->rowCount(), 2);
        QMap<QString, QPair<QString, QString>> fields;
        for (int row = 0; row < differences->rowCount(); ++row)
            fields.insert(differences->item(row, 3)->text(), {differences->item(row, 4)->text(), differences->item(row, 5)->text()});
        QCOMPARE(fields.value(QStringLiteral("amount")), qMakePair(QStringLiteral("1234.5"), QStringLiteral("20")));
        QCOMPARE(fields.value(QStringLiteral("status")), qMakePair(QStringLiteral("closed by hand"), QStringLiteral("open")));

        panel()->listFilter()->setCurrentIndex(0);
        panel()->classFilter()->setCurrentIndex(0);
        QCOMPARE(differences->rowCount(), 6); // five differences, the EU '*' on two lines
        const QString csv = m_demo.path(QStringLiteral("drift.csv"));
        QVERIFY(panel()->exportCsv(csv));
        QFile exported(csv);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QCOMPARE(exported.readAll().count('\n'), 1 + 6);
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("drift-differences.png"))));
    }

    // One chosen difference: the preview and the repair touch it alone, the others stay.
    void repairSelectedRepairsOnlyTheChosenDifference()
    {
        panel()->classFilter()->setCurrentIndex(panel()->classFilter()->findData(QStringLiteral("differs")));
        panel()->listFilter()->setCurrentIndex(panel()->listFilter()->findData(QStringLiteral("Drift elsewhere")));
        QTableWidget *differences = panel()->differencesTable();
        QCOMPARE(differences->rowCount(), 1);
        QCOMPARE(panel()->repairButton()->text(), QStringLiteral("&Repair shown…"));
        QVERIFY(!panel()->repairSelectedButton()->isEnabled()); // nothing selected yet
        differences->selectRow(0);
        QVERIFY(panel()->repairSelectedButton()->isEnabled());

        QSignalSpy shown(panel(), &DriftPanel::repairPreviewShown);
        QTest::mouseClick(panel()->repairSelectedButton(), Qt::LeftButton);
        QVERIFY(shown.wait(60000));
        RepairPreviewDialog *preview = panel()->repairPreview();
        QVERIFY(preview);
        QCOMPARE(preview->rowsTable()->rowCount(), 1);
        QCOMPARE(preview->rowsTable()->item(0, 0)->text(), QStringLiteral("Update"));
        QSignalSpy repaired(panel(), &DriftPanel::repairFinished);
        QSignalSpy checked(panel(), &DriftPanel::checkFinished);
        preview->accept();
        QVERIFY(repaired.wait(60000));
        QCOMPARE(repaired.first().first().value<RunOutcome>().status, RunStatus::Succeeded);
        QVERIFY(checked.wait(60000));
        QCOMPARE(panel()->report().differences(), 4);
        QCOMPARE(panel()->report().totals.value(DriftClass::Differs), 1); // the EU item's, not chosen
        panel()->listFilter()->setCurrentIndex(0);
        panel()->classFilter()->setCurrentIndex(0);
        QCOMPARE(panel()->repairButton()->text(), QStringLiteral("&Repair all…"));
    }

    void repairShowsThePreviewFirstThenRepairs()
    {
        QVERIFY(panel()->repairButton()->isEnabled());
        QSignalSpy shown(panel(), &DriftPanel::repairPreviewShown);
        QTest::mouseClick(panel()->repairButton(), Qt::LeftButton);
        QVERIFY(shown.wait(60000));
        RepairPreviewDialog *preview = panel()->repairPreview();
        QVERIFY(preview);
        QTRY_VERIFY(preview->isVisible());
        QMap<QString, int> actions;
        for (int row = 0; row < preview->rowsTable()->rowCount(); ++row)
            ++actions[preview->rowsTable()->item(row, 0)->text()];
        QCOMPARE(actions.value(QStringLiteral("Create")), 1);
        QCOMPARE(actions.value(QStringLiteral("Update")), 1);
        QCOMPARE(actions.value(QStringLiteral("Delete")), 1);
        QCOMPARE(actions.size(), 3);                            // the item typed in by hand is never touched
        QCOMPARE(items(QStringLiteral("Drift EU")).size(), 11); // a preview writes nothing
        QVERIFY(preview->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("drift-repair-preview.png"))));

        QSignalSpy repaired(panel(), &DriftPanel::repairFinished);
        QSignalSpy checked(panel(), &DriftPanel::checkFinished);
        QPushButton *repair = nullptr;
        for (QAbstractButton *button : preview->buttons()->buttons()) {
            if (preview->buttons()->buttonRole(button) == QDialogButtonBox::AcceptRole)
                repair = qobject_cast<QPushButton *>(button);
        }
        QVERIFY(repair && repair->isEnabled());
        QTest::mouseClick(repair, Qt::LeftButton);
        QVERIFY(repaired.wait(60000));
        QCOMPARE(repaired.first().first().value<RunOutcome>().status, RunStatus::Succeeded);
        QVERIFY(checked.wait(60000)); // checked again by itself
        QCOMPARE(panel()->report().differences(), 1);
        QCOMPARE(panel()->report().totals.value(DriftClass::Unkeyed), 1);
        QCOMPARE(items(QStringLiteral("Drift EU")).size(), 12);

        // The trend: every check so far, oldest first (repairs' own checks are not checks of their own).
        QTRY_COMPARE(panel()->trend()->checks().size(), 3);
        QList<qint64> differences;
        for (const DriftTrend::Check &check : panel()->trend()->checks())
            differences << check.differences();
        QCOMPARE(differences, (QList<qint64>{5, 4, 1}));
        QCOMPARE(panel()->trend()->checks().constLast().totals.value(DriftClass::Unkeyed), 1);
        QVERIFY2(panel()->trendSummary()->text().startsWith(QStringLiteral("Last 3 checks: 5 → 1 difference")),
            qPrintable(panel()->trendSummary()->text()));
        QVERIFY(panel()->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("drift-trend.png"))));
    }

    // Schema drift: a mapped column renamed in the table, a new one, and a mapped SharePoint column
    // made read-only are shown above the data with what to do, and the tab is badged.
    void schemaDriftIsShownAboveTheDataWithWhatToDo()
    {
        QVERIFY(panel()->schemaTable()->isHidden()); // none so far
        QVERIFY(editor()->tabIcon(editor()->indexOf(panel())).isNull());
        // The catalog's reading of the table, as the catalog page's Refresh makes it: what the
        // definition was made against, so a rename and a new column can be told.
        const QString password = m_demo.postgres().password();
        auto introspected
            = introspectDatabase(m_demo.database(), [password](const DatabaseInstance &) -> Result<QString> { return password; });
        QVERIFY(introspected.ok());
        QVERIFY(CatalogRepository(*m_demo.store())
                    .saveIntrospection(m_demo.database().id, introspected->tables, QDateTime::currentDateTimeUtc())
                    .ok());
        sql(QStringLiteral("ALTER TABLE drift_orders RENAME COLUMN status TO state; ALTER TABLE drift_orders ADD COLUMN priority integer"));
        QCOMPARE(m_demo.emulator()
                     .admin("PATCH", QStringLiteral("/lists/%1/columns/amount").arg(listId(QStringLiteral("Drift EU"))),
                         QJsonObject{{QStringLiteral("readOnly"), true}})
                     .status,
            204);
        QVERIFY(check());
        QTableWidget *schema = panel()->schemaTable();
        QVERIFY(schema->isVisible());
        QVERIFY2(schema->rowCount() == 3, qPrintable(column(schema, 2).join(QStringLiteral(" | "))));
        QCOMPARE(column(schema, 0), (QStringList{QStringLiteral("Blocking"), QStringLiteral("Info"), QStringLiteral("Blocking")}));
        QCOMPARE(
            column(schema, 1), (QStringList{QStringLiteral("The table"), QStringLiteral("The table"), QStringLiteral("List 'Drift EU'")}));
        QVERIFY2(schema->item(0, 2)->text().contains(QStringLiteral("probably renamed from status to state")),
            qPrintable(schema->item(0, 2)->text()));
        QCOMPARE(schema->item(0, 3)->text(), QStringLiteral("Map state instead of status in the mapping editor, or restore the column."));
        QVERIFY(schema->item(1, 2)->text().startsWith(QStringLiteral("priority (integer) is new")));
        QCOMPARE(schema->item(2, 3)->text(),
            QStringLiteral("Make the column writable again in SharePoint, or make the mapping of amount pull-only."));
        // Above the data: the schema table comes before the counts per list.
        QVERIFY(schema->geometry().bottom() < panel()->summaryTable()->geometry().top());
        QVERIFY2(panel()->status()->text().contains(QStringLiteral("3 schema change")), qPrintable(panel()->status()->text()));
        QVERIFY2(panel()->status()->text().contains(QStringLiteral("The rows were not compared")), qPrintable(panel()->status()->text()));
        QCOMPARE(panel()->differencesTable()->rowCount(), 0); // no '*' for every row from a column that is gone
        QVERIFY(!panel()->repairButton()->isEnabled());
        QVERIFY(!editor()->tabIcon(editor()->indexOf(panel())).isNull());
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("schema-drift.png"))));
    }
};

QTEST_MAIN(TestDefinitionsDrift)
#include "tst_definitions_drift.moc"
