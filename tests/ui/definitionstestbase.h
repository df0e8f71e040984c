// What the definition editor's suites share: the demo (a real PostgreSQL with the demo data and the
// real Graph emulator) in a main window on the Definitions page, its catalog built as an admin builds
// it, and the editor's parts with the helpers that drive them as a user does.
#pragma once

#include "demowindow.h"
#include "testpaths.h"

#include "catalog/catalogpage.h"
#include "catalog/provisiondialog.h"
#include "definitions/columntree.h"
#include "definitions/conditionbuilder.h"
#include "definitions/definitioneditor.h"
#include "definitions/definitionform.h"
#include "definitions/definitionspage.h"
#include "definitions/dryrunpanel.h"
#include "definitions/mappingeditor.h"
#include "definitions/mappingmodel.h"
#include "definitions/mappingpicker.h"
#include "definitions/previewmodel.h"
#include "definitions/shardingdesigner.h"
#include "definitions/transformbar.h"
#include "mainwindow.h"

#include "graph/provisioning.h"
#include "store/catalogrepository.h"
#include "store/definitionrepository.h"
#include "store/importchecks.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "sync/runcontroller.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

namespace SyncBridge::Test {

class DefinitionsTestBase : public QObject
{
protected:
    DemoWindow m_ui;
    DemoEnvironment &m_demo = m_ui.demo();
    std::shared_ptr<MetaStore> m_store;
    MainWindow *m_window = nullptr;

    // The window on the Definitions page with the demo definition, after the catalog was built: the
    // database introspected, and "Large projects" made from the table (as provisioning makes it, but
    // before manager_email grew: its column holds 100 characters) and read from SharePoint.
    void openTheDemoDefinition()
    {
        qRegisterMetaType<RunOutcome>();
        QString error;
        QVERIFY2(m_ui.start(&error), qPrintable(error));
        QVERIFY2(m_demo.importDefinitionsFile(demoDefinitionPath(), &error), qPrintable(error));
        m_store = m_demo.store();
        m_window = m_ui.openWindow();
        m_window->resize(1360, 860);
        CatalogPage *catalog = m_window->catalogPage();
        QSignalSpy loaded(catalog, &CatalogPage::loaded);
        m_window->showPage(catalog);
        m_window->show();
        QVERIFY(loaded.wait());
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window)); // typing goes where the focus is

        // The catalog as an admin builds it: the database introspected, the first list (made from the
        // table, as provisioning makes it) read from SharePoint.
        QSignalSpy refreshed(catalog, &CatalogPage::refreshed);
        catalog->tree()->setCurrentItem(catalogItem(QStringLiteral("Demo projects")));
        QTest::mouseClick(catalog->refreshButton(), Qt::LeftButton);
        QVERIFY(refreshed.wait(30000));
        const auto tables = CatalogRepository(*m_store).tables(m_demo.database().id);
        QVERIFY(tables.ok());
        const auto projects
            = std::find_if(tables->cbegin(), tables->cend(), [](const TableInfo &t) { return t.name == QLatin1String("projects"); });
        QVERIFY(projects != tables->cend());
        // A list made before the table's manager_email grew to 254 characters: its column holds 100.
        QJsonArray columns;
        for (const ColumnPlan &column : planList(*projects, QStringLiteral("Large projects")).supportedColumns()) {
            QJsonObject definition = column.definition;
            if (column.sourceColumn == QLatin1String("manager_email"))
                definition.insert(QStringLiteral("text"), QJsonObject{{QStringLiteral("maxLength"), 100}});
            columns.append(definition);
        }
        QVERIFY(!m_demo.emulator().createList(QStringLiteral("Large projects"), columns).isEmpty());
        QTRY_VERIFY(catalogItem(QStringLiteral("contoso.sharepoint.com:/sites/pmo")) != nullptr);
        refreshed.clear();
        catalog->tree()->expandItem(catalogItem(QStringLiteral("contoso.sharepoint.com:/sites/pmo")));
        QVERIFY(refreshed.wait(30000));
        refreshed.clear();
        catalog->tree()->setCurrentItem(catalogItem(QStringLiteral("Large projects")));
        QVERIFY(refreshed.wait(30000));

        QSignalSpy definitionsLoaded(definitions(), &DefinitionsPage::loaded);
        m_window->showPage(definitions());
        QVERIFY(definitionsLoaded.wait());
        QCOMPARE(definitions()->list()->count(), 1);
    }

    DefinitionsPage *definitions() const { return m_window->definitionsPage(); }
    DefinitionEditor *editor() const { return definitions()->editor(); }
    MappingEditor *mappingEditor() const { return editor()->mappingEditor(); }
    MappingModel *mappingModel() const { return mappingEditor()->model(); }
    ShardingDesigner *designer() const { return editor()->sharding(); }

    qint64 sqlCount(const QString &where)
    {
        return m_demo.postgres()
            .query(QStringLiteral("demo"), QStringLiteral("SELECT count(*) FROM projects WHERE ") + where)
            .value()
            .toLongLong();
    }

    int mappingRow(const QString &target) const
    {
        const QList<FieldMapping> mappings = mappingModel()->mappings();
        for (int row = 0; row < mappings.size(); ++row) {
            if (mappings.at(row).targetColumn == target)
                return row;
        }
        return -1;
    }

    // The preview table's rows column by list label prefix ("Large", "Matching no rule").
    qint64 previewRows(const QString &labelStart) const
    {
        QTableWidget *table = designer()->previewTable();
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text().startsWith(labelStart))
                return QLocale().toLongLong(table->item(row, 1)->text());
        }
        return -1;
    }

    void waitForCounts() { QTRY_VERIFY_WITH_TIMEOUT(designer()->previewStatus()->text().contains(QStringLiteral("rows counted")), 15000); }

    // A dialog that closed may have left no window active; typing needs the main window's focus.
    void focusOn(QWidget *widget)
    {
        if (!m_window->isActiveWindow()) {
            m_window->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(m_window));
        }
        widget->setFocus();
        QTRY_VERIFY(widget->hasFocus());
    }

    // Types a rule's condition as a user does, then leaves the text box: what was typed applies.
    void setRuleText(const QString &text)
    {
        ConditionBuilder *builder = designer()->conditionBuilder();
        QLineEdit *edit = builder->textEdit();
        focusOn(edit);
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
        designer()->rulesList()->setFocus();
        QTRY_VERIFY(!builder->hasPendingText());
    }

    QMessageBox *question(const QString &name) const
    {
        QMessageBox *box = nullptr;
        for (int i = 0; i < 200 && !(box = m_window->findChild<QMessageBox *>(name)); ++i)
            QTest::qWait(25);
        return box;
    }

    QTreeWidgetItem *catalogItem(const QString &text) const
    {
        const auto found = m_window->catalogPage()->tree()->findItems(text, Qt::MatchExactly | Qt::MatchRecursive);
        return found.isEmpty() ? nullptr : found.first();
    }
};

} // namespace SyncBridge::Test
