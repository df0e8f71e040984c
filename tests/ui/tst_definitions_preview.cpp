// The definition editor's preview, compare-then-sync, against a real PostgreSQL and the real Graph
// emulator: a table with a composite key (region, id) synced once into two lists, then changed in
// the source; the preview lists every planned row by its key values, an update's differing fields as
// SharePoint's value → the mapped value (and only those), filters by action and list, plans the
// editor's unsaved edits (a definition never saved too), and shows the problems of a definition that
// cannot run instead of a plan. A definition switched to TWO_WAY in the editor is planned as two-way
// (its unsaved state as it will be once saved), and a two-way plan shows each side's creates,
// updates and deletes, the first run's matching and the conflicts. A PULL definition is previewed as
// the rows its items would become, an item the table refuses failing with the database's reason.
#include "demowindow.h"
#include "englishplurals.h"
#include "testpaths.h"

#include "catalog/catalogpage.h"
#include "definitions/definitioneditor.h"
#include "definitions/definitionform.h"
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
#include <QJsonArray>
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

// A push definition between a table and one list, each field both ways: switched to TWO_WAY in the editor.
const char *tasksJson = R"({
  "format": "syncbridge.definitions/1",
  "definitions": [{
    "name": "Team tasks",
    "mode": "PUSH",
    "conflictPolicy": "MANUAL",
    "source": {"database": "Demo projects", "schema": "public", "table": "team_tasks"},
    "key": {"strategy": "PRIMARY_KEY", "columns": ["id"]},
    "cursor": {"strategy": "UPDATED_AT", "column": "updated_at"},
    "targetStrategy": "SINGLE",
    "targets": [{"name": "Main", "connection": "Demo tenant", "site": "contoso.sharepoint.com:/sites/pmo", "list": "Team tasks"}],
    "deletes": {"policy": "DELETE", "maxShare": 0.5},
    "mappings": [
      {"source": "id", "target": "TaskKey", "direction": "BIDIRECTIONAL", "key": true},
      {"source": "title", "target": "Task", "direction": "BIDIRECTIONAL"},
      {"source": "owner", "target": "Owner", "direction": "BIDIRECTIONAL"},
      {"source": "done", "target": "Done", "direction": "BIDIRECTIONAL"}
    ]
  }]
})";

QJsonObject column(const QString &name, const QString &kind)
{
    return QJsonObject{{QStringLiteral("name"), name}, {kind, QJsonObject{}}};
}

QJsonObject task(int key, const QString &title, const QString &owner, bool done)
{
    return QJsonObject{{QStringLiteral("TaskKey"), key}, {QStringLiteral("Task"), title}, {QStringLiteral("Owner"), owner},
        {QStringLiteral("Done"), done}};
}

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

    QString tasksPath() const { return QStringLiteral("/sites/%1/lists/%2/items").arg(m_demo.emulator().pmoSiteId(), m_tasksList); }

    QString taskItem(int key) const
    {
        const QJsonArray items = m_demo.emulator()
                                     .admin("GET", QStringLiteral("/lists/%1/items").arg(m_tasksList))
                                     .json()
                                     .value(QStringLiteral("items"))
                                     .toArray();
        for (const QJsonValue &item : items) {
            if (item.toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("TaskKey")).toInteger() == key)
                return item.toObject().value(QStringLiteral("id")).toString();
        }
        return {};
    }

    QString tasksInDatabase()
    {
        return m_demo.postgres()
            .query(QStringLiteral("demo"),
                QStringLiteral("SELECT string_agg(id || ':' || title || ':' || owner || ':' || done, ',' ORDER BY id) "
                               "FROM team_tasks"))
            .value();
    }

    void selectDefinition(const QString &name)
    {
        definitions()->revert(); // what an earlier test left unsaved goes
        const auto found = definitions()->list()->findItems(name, Qt::MatchExactly);
        QVERIFY(!found.isEmpty());
        definitions()->list()->setCurrentItem(found.first());
        QTRY_COMPARE(editor()->definition().name, name);
    }

    // The preview's two-way plan for the list, as counts per action.
    static QMap<QString, qint64> planOf(const RunOutcome &outcome) { return outcome.plan.value(QStringLiteral("Team tasks")); }

    QString m_tasksList;

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

        // Team tasks: rows 1–3 in the table; in the list 1 (equal), 2 (another title) and 4 (new there).
        sql(QStringLiteral("CREATE TABLE team_tasks (id integer PRIMARY KEY, title text, owner text, done boolean NOT NULL DEFAULT false, "
                           "updated_at timestamptz NOT NULL DEFAULT now());"
                           "INSERT INTO team_tasks (id, title, owner, done) VALUES (1, 'Write the plan', 'Adele', false), "
                           "(2, 'Book the room', 'Alex', false), (3, 'Order lunch', 'Megan', true);"
                           "CREATE TABLE task_copy (id integer PRIMARY KEY, title text NOT NULL, owner text, done boolean,"
                           " updated_at timestamptz NOT NULL DEFAULT now())"));
        m_tasksList = m_demo.emulator().createList(QStringLiteral("Team tasks"),
            QJsonArray{column(QStringLiteral("TaskKey"), QStringLiteral("number")), column(QStringLiteral("Task"), QStringLiteral("text")),
                column(QStringLiteral("Owner"), QStringLiteral("text")), column(QStringLiteral("Done"), QStringLiteral("boolean")),
                column(QStringLiteral("SyncBridgeKey"), QStringLiteral("text"))});
        QVERIFY(!m_tasksList.isEmpty());
        for (const QJsonObject &fields : {task(1, QStringLiteral("Write the plan"), QStringLiteral("Adele"), false),
                 task(2, QStringLiteral("Book room B"), QStringLiteral("Alex"), false),
                 task(4, QStringLiteral("Send the invitations"), QStringLiteral("Lee"), false)})
            QCOMPARE(m_demo.emulator().graph("POST", tasksPath(), QJsonObject{{QStringLiteral("fields"), fields}}).status, 201);
        QFile tasks(m_demo.path(QStringLiteral("tasks.json")));
        QVERIFY(tasks.open(QIODevice::WriteOnly));
        tasks.write(tasksJson);
        tasks.close();
        QVERIFY2(m_demo.importDefinitionsFile(tasks.fileName(), &error), qPrintable(error));
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

    void aDefinitionSwitchedToTwoWayIsPreviewedAsTwoWay()
    {
        selectDefinition(QStringLiteral("Team tasks"));
        QCOMPARE(editor()->definition().mode, SyncMode::Push);
        editor()->readListColumns(); // the list exists: its columns into the catalog, so the mappings check against them
        QTRY_VERIFY_WITH_TIMEOUT(editor()->problems().isEmpty(), 30000);
        QComboBox *mode = definitions()->form()->modeCombo();
        mode->setCurrentIndex(mode->findData(int(SyncMode::TwoWay)));
        QTRY_VERIFY(editor()->isModified());
        QCOMPARE(editor()->definition().mode, SyncMode::TwoWay);
        QVERIFY2(editor()->problems().isEmpty(), qPrintable(editor()->problems().value(0).message));

        // The mode as edited picks the run: the first two-way run, planned as the editor holds the
        // definition and not recorded. (Going by the stored mode planned the draft as a push: creates only.)
        const RunOutcome unsaved = preview();
        QVERIFY2(unsaved.status == RunStatus::Succeeded, qPrintable(unsaved.message));
        QCOMPARE(unsaved.runId, 0);
        QCOMPARE(planOf(unsaved).value(QStringLiteral("match")), 2);
        QCOMPARE(planOf(unsaved).value(QStringLiteral("create")), 0); // not a push's plan
        QCOMPARE(m_demo.emulator().itemCount(QStringLiteral("Team tasks")), 3);

        // Saved, the same preview plans the first two-way run: matching by key, each side's creates, the conflict.
        QSignalSpy saved(definitions(), &DefinitionsPage::saved);
        QTest::mouseClick(definitions()->saveButton(), Qt::LeftButton);
        QVERIFY(saved.wait(30000));
        QTRY_VERIFY(!editor()->isModified());
        const RunOutcome outcome = preview();
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(outcome.message));
        const QMap<QString, qint64> plan = planOf(outcome);
        QCOMPARE(plan.value(QStringLiteral("match")), 2);
        QCOMPARE(plan.value(QStringLiteral("conflict")), 1);
        QCOMPARE(plan.value(QStringLiteral("push create")), 1);
        QCOMPARE(plan.value(QStringLiteral("pull create")), 1);
        QCOMPARE(plan.value(QStringLiteral("create")), 0);
        QCOMPARE(plan, planOf(unsaved)); // what the unsaved preview said
        QVERIFY(outcome.runId > 0);
        // The plan table counts each side apart.
        QStringList headers;
        for (int column = 0; column < panel()->planTable()->columnCount(); ++column)
            headers << panel()->planTable()->horizontalHeaderItem(column)->text();
        QVERIFY2(headers.contains(QStringLiteral("Database\ncreate")) && headers.contains(QStringLiteral("SharePoint\ncreate"))
                && headers.contains(QStringLiteral("Matched\nby key")) && headers.contains(QStringLiteral("Conflicts")),
            qPrintable(headers.join(QLatin1Char('|'))));
        const QMap<QString, QString> shown = shownRows();
        QVERIFY2(shown.value(QStringLiteral("id 3/Create item")).contains(QStringLiteral("Task = Order lunch")),
            qPrintable(shown.keys().join(QLatin1Char('|'))));
        QVERIFY2(shown.value(QStringLiteral("id 2/Conflict")).contains(QStringLiteral("database: Book the room, SharePoint: Book room B")),
            qPrintable(shown.value(QStringLiteral("id 2/Conflict"))));
        QVERIFY(shown.contains(QStringLiteral("id 1/Matched")));
        // Nothing was written to either side.
        QCOMPARE(m_demo.emulator().itemCount(QStringLiteral("Team tasks")), 3);
        QCOMPARE(tasksInDatabase(), QStringLiteral("1:Write the plan:Adele:false,2:Book the room:Alex:false,3:Order lunch:Megan:true"));
    }

    void aTwoWayPreviewShowsWhatGoesIntoEachSide()
    {
        // The first run for real, then edits on both sides: different fields of row 1, a SharePoint
        // edit of row 3 (its title changed on both sides: a conflict), a row deleted and one inserted, an item created.
        const qint64 id = editor()->definition().id;
        QSignalSpy ran(m_ui.runs(), &RunController::finished);
        QVERIFY(m_ui.runs()->start(id).ok());
        QVERIFY(ran.wait(60000));
        QVERIFY(ran.first().at(1).value<RunOutcome>().status != RunStatus::Failed);
        QCOMPARE(m_demo.emulator().itemCount(QStringLiteral("Team tasks")), 4);
        sql(QStringLiteral("UPDATE team_tasks SET done = true, updated_at = now() WHERE id = 1; DELETE FROM team_tasks WHERE id = 4;"
                           "UPDATE team_tasks SET title = 'Order lunch for 12', updated_at = now() WHERE id = 3;"
                           "INSERT INTO team_tasks (id, title, owner) VALUES (5, 'Print the handouts', 'Adele')"));
        QCOMPARE(m_demo.emulator()
                     .graph("PATCH", tasksPath() + QStringLiteral("/%1/fields").arg(taskItem(1)),
                         QJsonObject{{QStringLiteral("Task"), QStringLiteral("Write the project plan")}})
                     .status,
            200);
        QCOMPARE(m_demo.emulator()
                     .graph("PATCH", tasksPath() + QStringLiteral("/%1/fields").arg(taskItem(3)),
                         QJsonObject{{QStringLiteral("Owner"), QStringLiteral("Megan B.")},
                             {QStringLiteral("Task"), QStringLiteral("Order sandwiches")}})
                     .status,
            200);
        QCOMPARE(m_demo.emulator()
                     .graph("POST", tasksPath(),
                         QJsonObject{{QStringLiteral("fields"), task(6, QStringLiteral("Collect feedback"), QStringLiteral("Lee"), false)}})
                     .status,
            201);

        const RunOutcome outcome = preview();
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(outcome.message));
        const QMap<QString, qint64> plan = planOf(outcome);
        QCOMPARE(plan.value(QStringLiteral("push update")), 1);
        QCOMPARE(plan.value(QStringLiteral("pull update")), 2);
        QCOMPARE(plan.value(QStringLiteral("push delete")), 1);
        QCOMPARE(plan.value(QStringLiteral("push create")), 1);
        QCOMPARE(plan.value(QStringLiteral("pull create")), 1);
        QCOMPARE(plan.value(QStringLiteral("match")), 0);
        QVERIFY2(panel()->status()->text().contains(QStringLiteral("(1 unchanged")), qPrintable(panel()->status()->text()));
        const QMap<QString, QString> shown = shownRows();
        QCOMPARE(shown.value(QStringLiteral("id 1/Update item")),
            QStringLiteral("Changed in the database, written into SharePoint: Done = true"));
        QCOMPARE(shown.value(QStringLiteral("id 1/Update row")),
            QStringLiteral("Changed in SharePoint, written into the database: title = Write the project plan"));
        QCOMPARE(shown.value(QStringLiteral("id 3/Update row")),
            QStringLiteral("Changed in SharePoint, written into the database: owner = Megan B."));
        QCOMPARE(
            shown.value(QStringLiteral("id 4/Delete item")), QStringLiteral("The row was deleted in the database: the item is deleted."));
        QVERIFY(panel()->actionFilter()->findText(QStringLiteral("Update row (2)")) > 0);

        // Row 3's title, changed on both sides: its three values side by side.
        QVERIFY(shown.contains(QStringLiteral("id 3/Conflict")));
        for (int row = 0; row < panel()->rowsView()->model()->rowCount(); ++row) {
            const QModelIndex at = panel()->rowsView()->model()->index(row, 0);
            if (at.data().toString() == QLatin1String("id 3")
                && at.siblingAtColumn(PreviewModel::ActionColumn).data().toString() == QLatin1String("Conflict"))
                panel()->rowsView()->setCurrentIndex(at);
        }
        QTableWidget *detail = panel()->rowDetail();
        QCOMPARE(detail->rowCount(), 3);
        QCOMPARE(detail->horizontalHeaderItem(1)->text(), QStringLiteral("Side"));
        QCOMPARE(detail->item(0, 2)->text(), QStringLiteral("Order lunch"));
        QCOMPARE(detail->item(1, 1)->text(), QStringLiteral("Database"));
        QCOMPARE(detail->item(1, 2)->text(), QStringLiteral("Order lunch for 12"));
        QCOMPARE(detail->item(2, 2)->text(), QStringLiteral("Order sandwiches"));

        // Nothing written: the list holds the four items it had (and the new one), the table its rows.
        QCOMPARE(m_demo.emulator().itemCount(QStringLiteral("Team tasks")), 5);
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("twoway-dry-run.png"))));
        QVERIFY(m_window->grab().save(QStringLiteral(SYNCBRIDGE_DOCS_IMAGES "/twoway-dry-run.png")));
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

    void aPullDefinitionIsPreviewedAsTheRowsItsItemsBecome()
    {
        // The task list into a table of its own, as a new PULL definition; one item without a title,
        // which the table's NOT NULL refuses.
        QCOMPARE(m_demo.emulator()
                     .graph("POST", tasksPath(), QJsonObject{{QStringLiteral("fields"), QJsonObject{{QStringLiteral("TaskKey"), 7}}}})
                     .status,
            201);
        SyncDefinition copy = *DefinitionRepository(*m_demo.store()).byName(QStringLiteral("Team tasks"));
        copy.id = 0;
        copy.name = QStringLiteral("Team tasks into a copy");
        copy.mode = SyncMode::Pull;
        copy.source.table = QStringLiteral("task_copy");
        for (FieldMapping &mapping : copy.mappings)
            mapping.direction = FieldDirection::PullOnly;
        editor()->setDefinition(copy, {QStringLiteral("Regional orders"), QStringLiteral("Team tasks")});
        editor()->readListColumns(); // the list exists: its columns into the catalog, so the mappings check against them
        QTRY_VERIFY_WITH_TIMEOUT(editor()->problems().isEmpty(), 30000);

        const RunOutcome outcome = preview();
        QVERIFY2(outcome.status == RunStatus::PartiallyFailed, qPrintable(outcome.message));
        QCOMPARE(outcome.runId, 0); // an unsaved definition's preview is not recorded
        const QMap<QString, qint64> plan = planOf(outcome);
        QCOMPARE(plan.value(QStringLiteral("pull create")), 5);
        QCOMPARE(plan.value(QStringLiteral("failed")), 1);
        QStringList headers;
        for (int column = 0; column < panel()->planTable()->columnCount(); ++column)
            headers << panel()->planTable()->horizontalHeaderItem(column)->text();
        // The database's side only: a pull writes nothing into SharePoint.
        QVERIFY2(headers.contains(QStringLiteral("Database\ncreate")) && !headers.contains(QStringLiteral("SharePoint\ncreate"))
                && !headers.contains(QStringLiteral("Conflicts")),
            qPrintable(headers.join(QLatin1Char('|'))));
        QVERIFY2(panel()->findChild<QLabel *>(QStringLiteral("previewNote"))->text().contains(QStringLiteral("rolled back")),
            qPrintable(panel()->findChild<QLabel *>(QStringLiteral("previewNote"))->text()));
        const QMap<QString, QString> shown = shownRows();
        QVERIFY2(
            shown.value(QStringLiteral("id 6/Create row")).startsWith(QStringLiteral("New in SharePoint, inserted into the database: ")),
            qPrintable(shown.keys().join(QLatin1Char('|'))));
        QVERIFY2(shown.value(QStringLiteral("id 6/Create row")).contains(QStringLiteral("title = Collect feedback")),
            qPrintable(shown.value(QStringLiteral("id 6/Create row"))));
        QVERIFY2(shown.value(QStringLiteral("id 7/Failing")).startsWith(QStringLiteral("null value in column \"title\"")),
            qPrintable(shown.keys().join(QLatin1Char('|'))));
        // Tried in the table and rolled back: nothing stays.
        QCOMPARE(
            m_demo.postgres().query(QStringLiteral("demo"), QStringLiteral("SELECT count(*) FROM task_copy")).value(), QStringLiteral("0"));
        QTest::qWait(100); // the plan table's new columns laid out before the picture
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("pull-dry-run.png"))));
        QVERIFY(m_window->grab().save(QStringLiteral(SYNCBRIDGE_DOCS_IMAGES "/pull-dry-run.png")));

        // Saved and pulled once, then an item edited in SharePoint: the preview's update says what it
        // changes in the row (read in the rolled-back transaction), not every value it writes.
        SyncDefinition saved = copy;
        QVERIFY(DefinitionRepository(*m_demo.store()).save(saved).ok());
        QSignalSpy ran(m_ui.runs(), &RunController::finished);
        QVERIFY(m_ui.runs()->start(saved.id).ok());
        QVERIFY(ran.wait(60000));
        QCOMPARE(
            m_demo.postgres().query(QStringLiteral("demo"), QStringLiteral("SELECT count(*) FROM task_copy")).value(), QStringLiteral("5"));
        QCOMPARE(m_demo.emulator()
                     .graph("PATCH", tasksPath() + QStringLiteral("/%1/fields").arg(taskItem(6)),
                         QJsonObject{{QStringLiteral("Task"), QStringLiteral("Collect the feedback")}})
                     .status,
            200);
        editor()->setDefinition(saved, {QStringLiteral("Regional orders"), QStringLiteral("Team tasks")});
        const RunOutcome again = preview();
        QCOMPARE(planOf(again).value(QStringLiteral("pull update")), 1);
        QCOMPARE(shownRows().value(QStringLiteral("id 6/Update row")),
            QStringLiteral("Changed in SharePoint, written into the database: title: Collect feedback → Collect the feedback"));
    }
};

QTEST_MAIN(TestDefinitionsPreview)
#include "tst_definitions_preview.moc"
