// The definition editor's preview, compare-then-sync, against a real PostgreSQL and the real Graph
// emulator: a table with a composite key (region, id) synced once into two lists, then changed in
// the source; the preview lists every planned row by its key values, an update's differing fields as
// SharePoint's value → the mapped value (and only those), filters by action and list, plans the
// editor's unsaved edits (a definition never saved too), and shows the problems of a definition that
// cannot run instead of a plan.
#include "demowindow.h"
#include "englishplurals.h"
#include "testpaths.h"

#include "catalog/catalogpage.h"
#include "definitions/definitioneditor.h"
#include "definitions/definitionspage.h"
#include "definitions/dryrunpanel.h"
#include "definitions/mappingeditor.h"
#include "definitions/mappingmodel.h"
#include "definitions/previewmodel.h"
#include "mainwindow.h"

#include "store/definitionrepository.h"
#include "store/metastore.h"
#include "store/runrepository.h"
#include "sync/runcontroller.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {

const char *definitionJson = R"({
  "format": "syncbridge.definitions/1",
  "definitions": [{
    "name": "Regional orders",
    "mode": "PUSH",
    "source": {"database": "Demo projects", "schema": "public", "table": "regional_orders"},
    "key": {"strategy": "PRIMARY_KEY", "columns": ["region", "id"]},
    "cursor": {"strategy": "UPDATED_AT", "column": "updated_at"},
    "targetStrategy": "CONDITIONAL",
    "targets": [
      {"name": "EU", "connection": "Demo tenant", "site": "contoso.sharepoint.com:/sites/pmo", "list": "Orders EU"},
      {"name": "Rest", "connection": "Demo tenant", "site": "contoso.sharepoint.com:/sites/pmo", "list": "Orders elsewhere"}
    ],
    "sharding": {"rules": [{"condition": "region == 'EU'", "target": "EU"}], "default": "Rest"},
    "mappings": [
      {"source": "customer", "target": "Title", "direction": "PUSH_ONLY"},
      {"source": "amount", "target": "amount", "direction": "PUSH_ONLY"},
      {"source": "status", "target": "status", "direction": "PUSH_ONLY"}
    ]
  }]
})";

} // namespace

class TestDefinitionsPreview : public QObject
{
    Q_OBJECT

private:
    DemoWindow m_ui;
    DemoEnvironment &m_demo = m_ui.demo();
    MainWindow *m_window = nullptr;

    DefinitionsPage *definitions() const { return m_window->definitionsPage(); }
    DefinitionEditor *editor() const { return definitions()->editor(); }
    DryRunPanel *panel() const { return editor()->preview(); }
    MappingModel *mappings() const { return editor()->mappingEditor()->model(); }

    void sql(const QString &statement)
    {
        const auto done = m_demo.postgres().query(QStringLiteral("demo"), statement);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
    }

    RunOutcome preview()
    {
        editor()->setCurrentWidget(panel());
        [&]() { QTRY_VERIFY(panel()->previewButton()->isEnabled()); }();
        QSignalSpy finished(panel(), &DryRunPanel::previewFinished);
        QTest::mouseClick(panel()->previewButton(), Qt::LeftButton);
        if (!finished.wait(60000))
            return {};
        return finished.first().first().value<RunOutcome>();
    }

    // The preview's rows as the view shows them (filters applied): row text → changes text.
    QMap<QString, QString> shownRows() const
    {
        QMap<QString, QString> rows;
        QAbstractItemModel *model = panel()->rowsView()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            rows.insert(model->index(row, PreviewModel::RowColumn).data().toString() + QLatin1Char('/')
                    + model->index(row, PreviewModel::ActionColumn).data().toString(),
                model->index(row, PreviewModel::ChangesColumn).data().toString());
        return rows;
    }

    const PreviewRow *rowOf(const QString &identity) const
    {
        for (const PreviewRow &row : panel()->rowsModel()->rows()) {
            if (row.identity == identity)
                return &row;
        }
        return nullptr;
    }

    static int indexOfData(const QComboBox *combo, const QString &data) { return combo->findData(data); }

private slots:
    void initTestCase()
    {
        QVERIFY(installEnglishPlurals(this));
        qRegisterMetaType<RunOutcome>();
        QString error;
        QVERIFY2(m_ui.start(&error), qPrintable(error));
        sql(QStringLiteral("CREATE TABLE regional_orders (region text NOT NULL, id integer NOT NULL, customer text NOT NULL, "
                           "amount numeric(10,2) NOT NULL, status text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(), "
                           "PRIMARY KEY (region, id));"
                           "INSERT INTO regional_orders (region, id, customer, amount, status) "
                           "SELECT r, i, 'Customer ' || r || '-' || i, i * 10, 'open' FROM unnest(ARRAY['EU', 'US']) AS r, "
                           "generate_series(1, 10) AS i"));
        QFile file(m_demo.path(QStringLiteral("orders.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(definitionJson);
        file.close();
        QVERIFY2(m_demo.importDefinitionsFile(file.fileName(), &error), qPrintable(error));
        m_window = m_ui.openWindow();
        m_window->resize(1360, 860);

        // Synced once (the lists are provisioned by the run), then changed in the source.
        const qint64 id = DefinitionRepository(*m_demo.store()).byName(QStringLiteral("Regional orders"))->id;
        QSignalSpy ran(m_ui.runs(), &RunController::finished);
        QVERIFY(m_ui.runs()->start(id).ok());
        QVERIFY(ran.wait(60000));
        QCOMPARE(ran.first().at(1).value<RunOutcome>().status, RunStatus::Succeeded);
        QCOMPARE(m_demo.emulator().itemCount(QStringLiteral("Orders EU")), 10);
        sql(QStringLiteral(
            "UPDATE regional_orders SET amount = 999 WHERE region = 'EU' AND id = 7;"
            "UPDATE regional_orders SET amount = 5, status = 'closed' WHERE region = 'US' AND id = 2;"
            "INSERT INTO regional_orders (region, id, customer, amount, status) VALUES ('EU', 11, 'Customer EU-11', 110, 'open')"));

        // The catalog knows the table, so the editor checks the definition as a run would.
        CatalogPage *catalog = m_window->catalogPage();
        QSignalSpy catalogLoaded(catalog, &CatalogPage::loaded);
        m_window->showPage(catalog);
        m_window->show();
        QVERIFY(catalogLoaded.wait());
        QSignalSpy refreshed(catalog, &CatalogPage::refreshed);
        const auto database = catalog->tree()->findItems(QStringLiteral("Demo projects"), Qt::MatchExactly | Qt::MatchRecursive);
        QVERIFY(!database.isEmpty());
        catalog->tree()->setCurrentItem(database.first());
        QTest::mouseClick(catalog->refreshButton(), Qt::LeftButton);
        QVERIFY(refreshed.wait(30000));

        QSignalSpy definitionsLoaded(definitions(), &DefinitionsPage::loaded);
        m_window->showPage(definitions());
        QVERIFY(definitionsLoaded.wait());
        QTRY_COMPARE(editor()->definition().name, QStringLiteral("Regional orders"));
    }

    void cleanupTestCase() { m_ui.stop(); }

    void updatesShowTheFieldsThatDifferAsSharePointsValueToTheMappedValue()
    {
        QVERIFY(!editor()->isModified());
        const RunOutcome outcome = preview();
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        PreviewModel *model = panel()->rowsModel();
        QCOMPARE(model->rowCount(), 21);
        // Exactly the fields that changed, with what SharePoint holds now as the old value.
        const PreviewRow *amountOnly = rowOf(QStringLiteral("region EU · id 7"));
        QVERIFY(amountOnly);
        QCOMPARE(amountOnly->action, QStringLiteral("update"));
        QCOMPARE(amountOnly->list, QStringLiteral("Orders EU"));
        QVERIFY(amountOnly->currentKnown);
        QCOMPARE(amountOnly->changes.size(), 1);
        QCOMPARE(amountOnly->changes.first().field, QStringLiteral("amount"));
        QCOMPARE(amountOnly->changes.first().before.toDouble(), 70.0);
        QCOMPARE(amountOnly->changes.first().after.toDouble(), 999.0);
        const PreviewRow *two = rowOf(QStringLiteral("region US · id 2"));
        QVERIFY(two);
        QCOMPARE(two->list, QStringLiteral("Orders elsewhere"));
        QStringList fields;
        for (const FieldChange &change : two->changes)
            fields << change.field;
        fields.sort();
        QCOMPARE(fields, (QStringList{QStringLiteral("amount"), QStringLiteral("status")})); // Title is as it was
        const QMap<QString, QString> shown = shownRows();
        QCOMPARE(shown.value(QStringLiteral("region US · id 2/Update")), QStringLiteral("amount: 20 → 5 · status: open → closed"));
        QVERIFY2(shown.value(QStringLiteral("region EU · id 11/Create")).contains(QStringLiteral("Title = Customer EU-11")),
            qPrintable(shown.value(QStringLiteral("region EU · id 11/Create"))));
        QVERIFY(shown.contains(QStringLiteral("region EU · id 1/Unchanged")));
        QVERIFY(panel()->note()->text().contains(QStringLiteral("what the SharePoint lists hold now")));

        // The selected row's fields side by side, the changed one bold.
        for (int row = 0; row < panel()->rowsView()->model()->rowCount(); ++row) {
            if (panel()->rowsView()->model()->index(row, 0).data().toString() == QStringLiteral("region EU · id 7"))
                panel()->rowsView()->setCurrentIndex(panel()->rowsView()->model()->index(row, 0));
        }
        QTableWidget *detail = panel()->rowDetail();
        QCOMPARE(detail->rowCount(), 3);
        for (int row = 0; row < detail->rowCount(); ++row) {
            const bool amount = detail->item(row, 0)->text() == QLatin1String("amount");
            QCOMPARE(detail->item(row, 0)->font().bold(), amount);
            if (amount) {
                QCOMPARE(detail->item(row, 1)->text(), QStringLiteral("70"));
                QCOMPARE(detail->item(row, 2)->text(), QStringLiteral("999"));
            }
        }
        QCOMPARE(m_demo.emulator().itemCount(QStringLiteral("Orders EU")), 10); // nothing was written
        panel()->actionFilter()->setCurrentIndex(indexOfData(panel()->actionFilter(), QStringLiteral("update")));
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("preview-differences.png"))));
        panel()->actionFilter()->setCurrentIndex(0);
    }

    void rowsAreFilteredByActionAndByList()
    {
        QComboBox *actions = panel()->actionFilter();
        QComboBox *lists = panel()->listFilter();
        QCOMPARE(actions->itemText(0), QStringLiteral("Every action (21)"));
        QVERIFY(actions->findText(QStringLiteral("Update (2)")) > 0);
        QVERIFY(actions->findText(QStringLiteral("Create (1)")) > 0);
        QVERIFY(actions->findText(QStringLiteral("Unchanged (18)")) > 0);
        QVERIFY(lists->findText(QStringLiteral("Orders EU (11)")) > 0);
        QVERIFY(lists->findText(QStringLiteral("Orders elsewhere (10)")) > 0);

        actions->setCurrentIndex(indexOfData(actions, QStringLiteral("update")));
        QCOMPARE(shownRows().keys(), (QStringList{QStringLiteral("region EU · id 7/Update"), QStringLiteral("region US · id 2/Update")}));
        lists->setCurrentIndex(indexOfData(lists, QStringLiteral("Orders elsewhere")));
        QCOMPARE(shownRows().keys(), QStringList{QStringLiteral("region US · id 2/Update")});
        actions->setCurrentIndex(0);
        QCOMPARE(panel()->rowsView()->model()->rowCount(), 10);
        for (const QString &row : shownRows().keys())
            QVERIFY2(row.startsWith(QStringLiteral("region US · ")), qPrintable(row));
        lists->setCurrentIndex(0);
        QCOMPARE(panel()->rowsView()->model()->rowCount(), 21);
    }

    void thePreviewPlansTheUnsavedEdit()
    {
        RunFilter ofThisDefinition;
        ofThisDefinition.definitionId = editor()->definition().id;
        const qint64 runsBefore = RunRepository(*m_demo.store()).countRuns(ofThisDefinition).value();
        editor()->setCurrentWidget(editor()->mappingEditor());
        int title = -1;
        for (int row = 0; row < mappings()->rowCount(); ++row) {
            if (mappings()->mappings().at(row).targetColumn == QLatin1String("Title"))
                title = row;
        }
        QVERIFY(title >= 0);
        QVERIFY(mappings()->setData(mappings()->index(title, MappingModel::TransformColumn), QStringLiteral("UPPER"), Qt::EditRole));
        QTRY_VERIFY(editor()->isModified());

        const RunOutcome outcome = preview();
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        const PreviewRow *row = rowOf(QStringLiteral("region EU · id 1"));
        QVERIFY(row);
        QCOMPARE(row->action, QStringLiteral("update")); // was unchanged: the edited mapping changes its Title
        QCOMPARE(row->changes.size(), 1);
        QCOMPARE(row->changes.first().before.toString(), QStringLiteral("Customer EU-1"));
        QCOMPARE(row->changes.first().after.toString(), QStringLiteral("CUSTOMER EU-1"));
        QCOMPARE(rowOf(QStringLiteral("region EU · id 7"))->changes.size(), 2); // Title and amount
        QVERIFY(panel()->status()->text().contains(QStringLiteral("Dry run")));
        // Still unsaved; the stored definition and its run history are as they were.
        QVERIFY(editor()->isModified());
        const auto stored = DefinitionRepository(*m_demo.store()).byName(QStringLiteral("Regional orders"));
        QVERIFY(
            std::all_of(stored->mappings.cbegin(), stored->mappings.cend(), [](const FieldMapping &m) { return m.transform.isEmpty(); }));
        QCOMPARE(RunRepository(*m_demo.store()).countRuns(ofThisDefinition).value(), runsBefore);
    }

    void aDefinitionThatCannotRunShowsItsProblemsInsteadOfAPlan()
    {
        int amount = -1;
        for (int row = 0; row < mappings()->rowCount(); ++row) {
            if (mappings()->mappings().at(row).targetColumn == QLatin1String("amount"))
                amount = row;
        }
        QVERIFY(
            mappings()->setData(mappings()->index(amount, MappingModel::TransformColumn), QStringLiteral("NO_SUCH_STEP"), Qt::EditRole));
        QTRY_VERIFY(!editor()->problems().isEmpty());
        editor()->setCurrentWidget(panel());
        QTest::mouseClick(panel()->previewButton(), Qt::LeftButton);
        QVERIFY2(panel()->status()->text().contains(QStringLiteral("cannot run")), qPrintable(panel()->status()->text()));
        QVERIFY2(panel()->status()->text().contains(QStringLiteral("NO_SUCH_STEP")), qPrintable(panel()->status()->text()));
        QCOMPARE(panel()->status()->text().count(QStringLiteral("Mapping amount → amount")), 1); // named once
        QCOMPARE(panel()->rowsModel()->rowCount(), 0);
        QVERIFY(!m_ui.runs()->isRunning(editor()->definition().id));
        QCoreApplication::sendPostedEvents(); // the layout makes room for the list of problems
        QVERIFY(panel()->status()->height() > panel()->status()->fontMetrics().height() * 2);
        QVERIFY(panel()->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("preview-problems.png"))));
    }

    void aNewDefinitionIsPreviewedBeforeItIsEverSaved()
    {
        // A definition never saved has no ledger: every row is planned as a create, nothing recorded.
        SyncDefinition fresh = *DefinitionRepository(*m_demo.store()).byName(QStringLiteral("Regional orders"));
        fresh.id = 0;
        fresh.name = QStringLiteral("Regional orders, new");
        editor()->setDefinition(fresh, {QStringLiteral("Regional orders")});
        QVERIFY(editor()->problems().isEmpty());
        QVERIFY(!panel()->runButton()->isEnabled()); // nothing to run until it is saved
        const RunOutcome outcome = preview();
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.runId, 0);
        QCOMPARE(panel()->rowsModel()->rowCount(), 21);
        QVERIFY(std::all_of(panel()->rowsModel()->rows().cbegin(), panel()->rowsModel()->rows().cend(),
            [](const PreviewRow &row) { return row.action == QLatin1String("create"); }));
        QCOMPARE(DefinitionRepository(*m_demo.store()).byName(QStringLiteral("Regional orders, new")).ok(), false);
    }
};

QTEST_MAIN(TestDefinitionsPreview)
#include "tst_definitions_preview.moc"
