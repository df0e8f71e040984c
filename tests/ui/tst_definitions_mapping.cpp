// The definition editor's mapping editor driven through its widgets: the list's real columns and the
// mappings, removing and picking (SharePoint's own columns read-only), drag and drop, the direction
// and kind cells, transforms with their sample preview and errors, auto-map; saved as edited.
#include "definitionstestbase.h"

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestDefinitionsMapping : public DefinitionsTestBase
{
    Q_OBJECT

private slots:
    void initTestCase() { openTheDemoDefinition(); }

    void cleanupTestCase() { m_ui.stop(); }

    void mappingEditorShowsTheListsColumnsAndTheMappings()
    {
        editor()->setCurrentWidget(mappingEditor());
        QCOMPARE(mappingEditor()->sourceTree()->topLevelItemCount(), 9);
        ColumnTree *targets = mappingEditor()->targetTree();
        QTreeWidgetItem *created = targets->itemFor(QStringLiteral("Created"));
        QVERIFY(created); // the real list's columns, SharePoint's own included
        QVERIFY(created->text(2).contains(QStringLiteral("SharePoint-managed")));
        QVERIFY(targets->itemFor(QStringLiteral("budget_amount"))->text(2).contains(QStringLiteral("mapped")));
        QCOMPARE(mappingModel()->rowCount(), 8);
        QVERIFY(!targets->itemFor(QStringLiteral("SyncBridgeKey"))); // hidden columns are not offered
        QVERIFY(!targets->itemFor(QStringLiteral("LinkTitle")));
        // the list's column is shorter than the table's: a warning, not an error
        const QList<MappingAdvice> advice = mappingEditor()->advice();
        QVERIFY(std::any_of(advice.cbegin(), advice.cend(), [](const MappingAdvice &a) {
            return a.severity == MappingAdvice::Severity::Warning && a.sourceColumn == QLatin1String("manager_email")
                && a.message.contains(QStringLiteral("only 100"));
        }));
        QVERIFY(editor()->problems().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(mappingModel()->samples().size(), 5, 15000); // read from PostgreSQL off the GUI thread
    }

    void removingAndPickingMappings()
    {
        for (const QString &target : {QStringLiteral("tags"), QStringLiteral("updated_at")}) {
            mappingEditor()->table()->setCurrentIndex(mappingModel()->index(mappingRow(target), 0));
            QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("removeMapping")), Qt::LeftButton);
        }
        QCOMPARE(mappingModel()->rowCount(), 6);
        QCOMPARE(mappingRow(QStringLiteral("tags")), -1);
        QVERIFY(definitions()->saveButton()->isEnabled());
        mappingEditor()->table()->setCurrentIndex(mappingModel()->index(mappingRow(QStringLiteral("name")), MappingModel::SampleColumn));
        QVERIFY2(mappingEditor()->samplePreview()->text().contains(QStringLiteral("Café Renovation #1")),
            qPrintable(mappingEditor()->samplePreview()->text()));
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("mapping-editor.png"))));

        // the picker: SharePoint's own columns can only be read
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("addMapping")), Qt::LeftButton);
        MappingPicker *picker = nullptr;
        QTRY_VERIFY((picker = m_window->findChild<MappingPicker *>()) != nullptr);
        picker->sourceCombo()->setCurrentIndex(picker->sourceCombo()->findData(QStringLiteral("updated_at")));
        picker->targetCombo()->setCurrentIndex(picker->targetCombo()->findData(QStringLiteral("Modified")));
        QVERIFY(!picker->directionCombo()->isEnabled());
        QCOMPARE(picker->directionCombo()->currentData().toString(), QStringLiteral("PULL_ONLY"));
        picker->targetCombo()->setCurrentIndex(picker->targetCombo()->findData(QStringLiteral("tags")));
        QVERIFY(picker->directionCombo()->isEnabled());
        picker->sourceCombo()->setCurrentIndex(picker->sourceCombo()->findData(QStringLiteral("tags")));
        QCOMPARE(picker->directionCombo()->currentData().toString(), QStringLiteral("PUSH_ONLY")); // the definition's mode
        picker->accept();
        QCOMPARE(mappingModel()->rowCount(), 7);
        const FieldMapping picked = mappingModel()->mappings().value(mappingRow(QStringLiteral("tags")));
        QCOMPARE(picked.sourceColumn, QStringLiteral("tags"));
        QCOMPARE(picked.direction, FieldDirection::PushOnly);
        QCOMPARE(editor()->definition().mappings.size(), 7); // the definition follows the editor

        // drag and drop lands where it is dropped; a system column arrives pull-only and stays so
        auto *mime = new QMimeData;
        mime->setData(QStringLiteral("application/x-syncbridge-source-column"), QByteArray("updated_at"));
        ColumnTree *targets = mappingEditor()->targetTree();
        targets->scrollToItem(targets->itemFor(QStringLiteral("Modified")));
        const QPoint at = targets->visualItemRect(targets->itemFor(QStringLiteral("Modified"))).center();
        QDragEnterEvent enter(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(targets->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(targets->viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(targets->viewport(), &drop);
        delete mime;
        const int modified = mappingRow(QStringLiteral("Modified"));
        QVERIFY(modified >= 0);
        QCOMPARE(mappingModel()->mappings().at(modified).direction, FieldDirection::PullOnly);
        QVERIFY(!(mappingModel()->flags(mappingModel()->index(modified, MappingModel::DirectionColumn)) & Qt::ItemIsEditable));
        QVERIFY(!mappingModel()->setData(
            mappingModel()->index(modified, MappingModel::DirectionColumn), QStringLiteral("PUSH_ONLY"), Qt::EditRole));
        QVERIFY(mappingModel()
                    ->data(mappingModel()->index(modified, MappingModel::DirectionColumn), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("SharePoint maintains")));
    }

    void directionChangesInItsCell()
    {
        QTableView *table = mappingEditor()->table();
        const QModelIndex direction = mappingModel()->index(mappingRow(QStringLiteral("status")), MappingModel::DirectionColumn);
        table->setCurrentIndex(direction);
        table->edit(direction);
        QComboBox *combo = nullptr;
        QTRY_VERIFY((combo = table->viewport()->findChild<QComboBox *>()) != nullptr);
        combo->setCurrentIndex(combo->findData(QStringLiteral("BIDIRECTIONAL")));
        QTest::keyClick(combo, Qt::Key_Return);
        QTRY_COMPARE(mappingModel()->mappings().at(direction.row()).direction, FieldDirection::Bidirectional);
        QCOMPARE(direction.data().toString(), QStringLiteral("Both ways"));
        const QList<FieldMapping> saved = editor()->definition().mappings;
        QVERIFY(std::any_of(saved.cbegin(), saved.cend(), [](const FieldMapping &m) {
            return m.targetColumn == QLatin1String("status") && m.direction == FieldDirection::Bidirectional;
        }));
    }

    // The kind cell makes a mapping a lookup into another definition (or a person) through its
    // combo box; the definition being edited carries it, and "Value" makes it plain again.
    void aMappingBecomesALookupInItsKindCell()
    {
        mappingEditor()->setDefinitionNames({QStringLiteral("Customers")});
        QTableView *table = mappingEditor()->table();
        const QModelIndex kind = mappingModel()->index(mappingRow(QStringLiteral("manager_email")), MappingModel::KindColumn);
        QCOMPARE(kind.data().toString(), QStringLiteral("Value"));
        table->setCurrentIndex(kind);
        table->edit(kind);
        QComboBox *combo = nullptr;
        QTRY_VERIFY((combo = table->viewport()->findChild<QComboBox *>(QStringLiteral("mappingKindChoice"))) != nullptr);
        QVERIFY(combo->findData(QStringLiteral("PERSON")) >= 0);
        combo->setCurrentIndex(combo->findData(QStringLiteral("LOOKUP:Customers")));
        QTest::keyClick(combo, Qt::Key_Return);
        QTRY_COMPARE(mappingModel()->mappings().at(kind.row()).kind, FieldKind::Lookup);
        QCOMPARE(kind.data().toString(), QStringLiteral("Lookup into 'Customers'"));
        const QList<FieldMapping> saved = editor()->definition().mappings;
        QVERIFY(std::any_of(saved.cbegin(), saved.cend(), [](const FieldMapping &m) {
            return m.targetColumn == QLatin1String("manager_email") && m.kind == FieldKind::Lookup
                && m.referencedDefinition == QLatin1String("Customers");
        }));
        QVERIFY(!mappingModel()->setData(kind, QStringLiteral("LOOKUP:"), Qt::EditRole)); // a lookup names its definition
        QVERIFY(mappingModel()->setData(kind, QStringLiteral("VALUE"), Qt::EditRole));
        QCOMPARE(mappingModel()->mappings().at(kind.row()).kind, FieldKind::Value);
        QVERIFY(mappingModel()->mappings().at(kind.row()).referencedDefinition.isEmpty());
    }

    void anInvalidTransformSaysWhereAndMakesADraft()
    {
        QTableView *table = mappingEditor()->table();
        const QModelIndex transform = mappingModel()->index(mappingRow(QStringLiteral("name")), MappingModel::TransformColumn);
        table->setCurrentIndex(transform);
        table->edit(transform);
        QLineEdit *edit = nullptr;
        QTRY_VERIFY((edit = table->viewport()->findChild<QLineEdit *>()) != nullptr);
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("TRIM|UPPER("));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY(!mappingModel()->transformError(transform.row()).isEmpty());
        QVERIFY2(mappingModel()->transformError(transform.row()).contains(QStringLiteral("at ")),
            qPrintable(mappingModel()->transformError(transform.row())));
        QVERIFY(mappingEditor()->samplePreview()->text().contains(QStringLiteral("does not parse")));
        QCOMPARE(transform.siblingAtColumn(MappingModel::SampleColumn).data(Qt::ForegroundRole).value<QBrush>().color(),
            QColor(0xc6, 0x28, 0x28));
        bool listed = false;
        for (int i = 0; i < mappingEditor()->adviceList()->count(); ++i)
            listed = listed
                || (mappingEditor()->adviceList()->item(i)->data(Qt::UserRole).toBool()
                    && mappingEditor()->adviceList()->item(i)->text().startsWith(QStringLiteral("name → name")));
        QVERIFY(listed);
        QCOMPARE(definitions()->saveButton()->text(), QStringLiteral("Save as draft")); // kept, disabled, if saved now
        QVERIFY2(definitions()->saveButton()->toolTip().contains(QStringLiteral("Mapping name")),
            qPrintable(definitions()->saveButton()->toolTip()));

        // fixed: the preview shows the sample values transformed
        QVERIFY(mappingModel()->setData(transform, QStringLiteral("TRIM|UPPER"), Qt::EditRole));
        QVERIFY(mappingModel()->transformError(transform.row()).isEmpty());
        QVERIFY2(mappingEditor()->samplePreview()->text().contains(QStringLiteral("Café Renovation #1 → CAFÉ RENOVATION #1")),
            qPrintable(mappingEditor()->samplePreview()->text()));
        QVERIFY(definitions()->saveButton()->isEnabled());
    }

    void autoMapFillsWhatNothingMaps()
    {
        mappingEditor()->table()->setCurrentIndex(mappingModel()->index(mappingRow(QStringLiteral("manager_email")), 0));
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("removeMapping")), Qt::LeftButton);
        QCOMPARE(mappingRow(QStringLiteral("manager_email")), -1);
        const int before = mappingModel()->rowCount();
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("autoMap")), Qt::LeftButton);
        QVERIFY(mappingRow(QStringLiteral("manager_email")) >= 0);
        QCOMPARE(mappingModel()->mappings().at(mappingRow(QStringLiteral("manager_email"))).sourceColumn, QStringLiteral("manager_email"));
        QCOMPARE(mappingModel()->mappings().at(mappingRow(QStringLiteral("manager_email"))).direction,
            FieldDirection::PushOnly); // a push definition pushes
        QVERIFY(mappingModel()->rowCount() > before);
        QCOMPARE(mappingRow(QStringLiteral("SyncBridgeKey")), -1); // never offered
    }

    // Saved, the definition holds what the editor made of it.
    void theEditedMappingsAreSaved()
    {
        QSignalSpy saved(definitions(), &DefinitionsPage::saved);
        QTest::mouseClick(definitions()->saveButton(), Qt::LeftButton);
        QVERIFY2(saved.wait(), qPrintable(definitions()->message()));
        const auto stored = DefinitionRepository(*m_store).byName(QStringLiteral("Demo projects to SharePoint"));
        QVERIFY(stored.ok());
        QCOMPARE(stored->mappings.size(), mappingModel()->rowCount());
        QVERIFY(std::any_of(stored->mappings.cbegin(), stored->mappings.cend(),
            [](const FieldMapping &m) { return m.targetColumn == QLatin1String("Modified") && m.direction == FieldDirection::PullOnly; }));
        QVERIFY(std::any_of(stored->mappings.cbegin(), stored->mappings.cend(),
            [](const FieldMapping &m) { return m.targetColumn == QLatin1String("name") && m.transform == QLatin1String("TRIM|UPPER"); }));
        QVERIFY(std::any_of(stored->mappings.cbegin(), stored->mappings.cend(), [](const FieldMapping &m) {
            return m.targetColumn == QLatin1String("status") && m.direction == FieldDirection::Bidirectional;
        }));
        QTRY_VERIFY(!definitions()->saveButton()->isEnabled());
    }
};

QTEST_MAIN(TestDefinitionsMapping)
#include "tst_definitions_mapping.moc"
