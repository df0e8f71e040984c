// The definition editor driven through its widgets against a real PostgreSQL with the demo data and
// the real Graph emulator: the sharding designer (rules built in the builder and typed as text, parse
// errors, reorder, live counts checked against SQL, the focus kept while typing), the dry-run preview
// and Run Sync Now, a changed change detection, and a new definition made from scratch through to its
// deletion. The mapping editor has its own suite (tst_definitions_mapping).
#include "definitionstestbase.h"

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestDefinitions : public DefinitionsTestBase
{
    Q_OBJECT

private slots:
    void initTestCase() { openTheDemoDefinition(); }

    void cleanupTestCase()
    {
        m_ui.stop();
    }

    void shardingDesignerCountsRowsPerListInTheDatabase()
    {
        editor()->setCurrentWidget(designer());
        waitForCounts();
        // a list cell picks from the lists the catalog knows, and offers to provision one
        QComboBox *picker = designer()->listPicker(0);
        QVERIFY(picker);
        QCOMPARE(picker->currentText(), QStringLiteral("Large projects"));
        QVERIFY(picker->findText(QStringLiteral("Large projects")) >= 0);
        QCOMPARE(picker->itemText(picker->count() - 1), QStringLiteral("Provision a new list…"));
        const qint64 large = sqlCount(QStringLiteral("budget_amount >= 4000000"));
        const qint64 active = sqlCount(QStringLiteral("status = 'Active' AND (budget_amount < 4000000 OR budget_amount IS NULL)"));
        QCOMPARE(previewRows(QStringLiteral("Large")), large);
        QCOMPARE(previewRows(QStringLiteral("Active")), active);
        QCOMPARE(previewRows(QStringLiteral("Other")), 5000 - large - active);
        QCOMPARE(previewRows(QStringLiteral("Matching no rule")), 5000 - large - active);

        // a two-rule policy from scratch: one rule built in the builder, one typed as text
        QListWidget *rules = designer()->rulesList();
        while (rules->count() > 0) {
            rules->setCurrentRow(0);
            designer()->removeRule();
        }
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("addRule")), Qt::LeftButton);
        ConditionBuilder *builder = designer()->conditionBuilder();
        QTreeWidgetItem *row = builder->addComparison();
        qobject_cast<QComboBox *>(builder->tree()->itemWidget(row, 0))->setCurrentText(QStringLiteral("status"));
        qobject_cast<QComboBox *>(builder->tree()->itemWidget(row, 1))->setCurrentText(QStringLiteral("=="));
        QTest::keyClicks(qobject_cast<QLineEdit *>(builder->tree()->itemWidget(row, 2)), QStringLiteral("On Hold"));
        QCOMPARE(builder->textEdit()->text(), QStringLiteral("status == 'On Hold'"));   // the text form follows the builder
        designer()->ruleTargetCombo()->setCurrentIndex(designer()->ruleTargetCombo()->findData(QStringLiteral("Active")));

        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("addRule")), Qt::LeftButton);
        setRuleText(QStringLiteral("budget_amount >= 1000000 and tags contains 'infra'"));
        QVERIFY(builder->error().isEmpty());
        QCOMPARE(builder->tree()->topLevelItem(0)->childCount(), 2);   // the builder follows the text
        designer()->ruleTargetCombo()->setCurrentIndex(designer()->ruleTargetCombo()->findData(QStringLiteral("Large")));
        designer()->defaultCombo()->setCurrentIndex(designer()->defaultCombo()->findData(QString()));   // the rest is not synced
        QCOMPARE(rules->count(), 2);
        QCOMPARE(editor()->definition().sharding.rules.size(), 2);

        designer()->setPreviewPending({});
        waitForCounts();
        const qint64 onHold = sqlCount(QStringLiteral("status = 'On Hold'"));
        const qint64 infra = sqlCount(QStringLiteral("status <> 'On Hold' AND budget_amount >= 1000000 AND 'infra' = ANY(tags)"));
        QCOMPARE(previewRows(QStringLiteral("Active")), onHold);
        QCOMPARE(previewRows(QStringLiteral("Large")), infra);
        QCOMPARE(previewRows(QStringLiteral("Other")), 0);
        QCOMPARE(previewRows(QStringLiteral("Matching no rule (not synced)")), 5000 - onHold - infra);

        // the order matters, and the counts say how
        rules->setCurrentRow(1);
        QTest::keyClick(rules, Qt::Key_Up, Qt::ControlModifier);
        QCOMPARE(editor()->definition().sharding.rules.first().targetName, QStringLiteral("Large"));
        designer()->setPreviewPending({});
        waitForCounts();
        QCOMPARE(previewRows(QStringLiteral("Large")), sqlCount(QStringLiteral("budget_amount >= 1000000 AND 'infra' = ANY(tags)")));
        QCOMPARE(previewRows(QStringLiteral("Active")), sqlCount(QStringLiteral("status = 'On Hold' AND NOT coalesce(budget_amount >= 1000000 AND 'infra' = ANY(tags), false)")));

        // dragging a rule moves its row in the list's model: the order follows, numbers and all
        QVERIFY(rules->model()->moveRow({}, 1, {}, 0));
        QCOMPARE(editor()->definition().sharding.rules.first().targetName, QStringLiteral("Active"));
        QVERIFY(rules->item(0)->text().startsWith(QStringLiteral("1.  status == 'On Hold'")));
    }

    void aConditionThatDoesNotParseSaysWhere()
    {
        QListWidget *rules = designer()->rulesList();
        rules->setCurrentRow(0);
        ConditionBuilder *builder = designer()->conditionBuilder();
        const int rowsBefore = builder->tree()->topLevelItem(0)->childCount();
        setRuleText(QStringLiteral("budget_amount >= and status == 'Active'"));
        QCOMPARE(builder->error(), QStringLiteral("Condition at 18: expected a value ('text', a number, true, false or null)"));
        QVERIFY(builder->errorLabel()->isVisible());
        QVERIFY(builder->errorLabel()->text().contains(QStringLiteral("and status")));   // the rest of the text, marked
        QCOMPARE(builder->tree()->topLevelItem(0)->childCount(), rowsBefore);          // the builder keeps the last valid form
        QCOMPARE(rules->item(0)->foreground().color(), QColor(0xc6, 0x28, 0x28));
        QCOMPARE(definitions()->saveButton()->text(), QStringLiteral("Save as draft"));
        // The problem names the rule: its number, its list and its condition as written.
        QVERIFY2(definitions()->saveButton()->toolTip().contains(
                     QStringLiteral("Sharding rule 1 (to '%1', condition \"budget_amount >= and status == 'Active'\"): Condition at 18")
                         .arg(editor()->definition().sharding.rules.first().targetName)),
            qPrintable(definitions()->saveButton()->toolTip()));
        // a value of the wrong kind parses, but the count says what to write instead
        setRuleText(QStringLiteral("budget_amount >= 'a lot'"));
        QVERIFY(builder->error().isEmpty());
        designer()->setPreviewPending({});
        QTRY_VERIFY_WITH_TIMEOUT(
            designer()->previewStatus()->text().startsWith(QStringLiteral(
                "Cannot count: Sharding rule 1 (to '%1', condition \"budget_amount >= 'a lot'\"): 'budget_amount' holds numbers")
                                                               .arg(editor()->definition().sharding.rules.first().targetName)),
            15000);
    }

    void threeRulesWithTheirCounts()
    {
        QListWidget *rules = designer()->rulesList();
        rules->setCurrentRow(0);
        setRuleText(QStringLiteral("budget_amount >= 4000000"));
        designer()->ruleTargetCombo()->setCurrentIndex(designer()->ruleTargetCombo()->findData(QStringLiteral("Large")));
        rules->setCurrentRow(1);
        setRuleText(QStringLiteral("status == 'Active' or status == 'On Hold'"));
        designer()->ruleTargetCombo()->setCurrentIndex(designer()->ruleTargetCombo()->findData(QStringLiteral("Active")));
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("addRule")), Qt::LeftButton);
        setRuleText(QStringLiteral("manager_email is not null and start_date >= '2024-01-01'"));
        designer()->ruleTargetCombo()->setCurrentIndex(designer()->ruleTargetCombo()->findData(QStringLiteral("Other")));
        designer()->defaultCombo()->setCurrentIndex(designer()->defaultCombo()->findData(QStringLiteral("Other")));
        QCOMPARE(rules->count(), 3);
        designer()->setPreviewPending({});
        waitForCounts();
        const qint64 large = sqlCount(QStringLiteral("budget_amount >= 4000000"));
        const qint64 active = sqlCount(QStringLiteral("status IN ('Active', 'On Hold') AND NOT coalesce(budget_amount >= 4000000, false)"));
        QCOMPARE(previewRows(QStringLiteral("Large")), large);
        QCOMPARE(previewRows(QStringLiteral("Active")), active);
        QCOMPARE(previewRows(QStringLiteral("Other")), 5000 - large - active);   // the third rule and the default list
        QVERIFY(previewRows(QStringLiteral("Matching no rule")) > 0);
        QVERIFY(editor()->problems().isEmpty());
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("sharding-designer.png"))));
    }

    void typingAConditionKeepsTheFocus()
    {
        // Issue 14 item 6: once the text parsed, the builder was rebuilt under the typist's hands and
        // took the focus; the rest of the text went into a drop-down and flipped the group to "any of".
        editor()->setCurrentWidget(designer());
        QListWidget *rules = designer()->rulesList();
        QVERIFY(rules->count() > 0);
        const int last = rules->count() - 1;
        rules->setCurrentRow(last);
        ConditionBuilder *builder = designer()->conditionBuilder();
        QLineEdit *edit = builder->textEdit();
        const QString before = edit->text();
        QVERIFY(builder->tree()->topLevelItem(0));
        const QPointer<QWidget> group = builder->tree()->itemWidget(builder->tree()->topLevelItem(0), 0);
        QVERIFY(group);
        focusOn(edit);
        edit->selectAll();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Delete);
        // Typed as a keyboard types: each key goes wherever the focus is.
        const auto type = [](const QString &text) {
            for (const QChar c : text)
                QTest::keyClick(QApplication::focusWidget(), c.toLatin1());
        };
        type(QStringLiteral("status == 'Planned'"));
        QTest::qWait(1000); // a pause in typing: the text applies, the focus stays
        QVERIFY(edit->hasFocus());
        QCOMPARE(editor()->definition().sharding.rules.at(last).condition.toString(), QStringLiteral("status == 'Planned'"));
        type(QStringLiteral(" and budget_amount > 5"));
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("condition-editor-typing.png"))));
        QVERIFY2(edit->hasFocus(), QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className() : "no focus");
        QCOMPARE(edit->text(), QStringLiteral("status == 'Planned' and budget_amount > 5"));
        QVERIFY2(group, "the builder was rebuilt while the text had the focus");
        QCOMPARE(qobject_cast<QComboBox *>(group.data())->currentData().toBool(), false); // still "all of"

        // leaving the text box: the builder follows it
        rules->setFocus();
        QTRY_VERIFY(!builder->hasPendingText());
        QCOMPARE(editor()->definition().sharding.rules.at(last).condition.toString(),
            QStringLiteral("status == 'Planned' and budget_amount > 5"));
        QTRY_COMPARE(builder->tree()->topLevelItem(0)->childCount(), 2);
        QCOMPARE(
            qobject_cast<QComboBox *>(builder->tree()->itemWidget(builder->tree()->topLevelItem(0), 0))->currentData().toBool(), false);
        setRuleText(before);
        QCOMPARE(editor()->definition().sharding.rules.at(last).condition.toString(), before);
    }

    void oneListHidesTheRuleDesigner()
    {
        editor()->setCurrentWidget(designer());
        const qsizetype rules = editor()->definition().sharding.rules.size();
        QComboBox *strategy = definitions()->form()->targetStrategyCombo();
        QVERIFY(designer()->rulesBox()->isVisible());
        strategy->setCurrentIndex(strategy->findData(int(TargetStrategy::Single)));
        QVERIFY(!designer()->rulesBox()->isVisible()); // not greyed: gone
        QVERIFY(!designer()->ruleEditor()->isVisible());
        strategy->setCurrentIndex(strategy->findData(int(TargetStrategy::Conditional)));
        QVERIFY(designer()->rulesBox()->isVisible());
        QVERIFY(designer()->ruleEditor()->isVisible());
        QCOMPARE(editor()->definition().sharding.rules.size(), rules); // the rules were kept meanwhile
    }

    void dryRunPreviewPlansWithoutWriting()
    {
        QSignalSpy saved(definitions(), &DefinitionsPage::saved);
        QTest::mouseClick(definitions()->saveButton(), Qt::LeftButton);
        QVERIFY(saved.wait());
        const auto stored = DefinitionRepository(*m_store).byName(QStringLiteral("Demo projects to SharePoint"));
        QCOMPARE(stored->sharding.rules.size(), 3);
        QCOMPARE(
            stored->sharding.rules.at(2).condition.toString(), QStringLiteral("manager_email is not null and start_date >= '2024-01-01'"));
        QTRY_VERIFY(!definitions()->saveButton()->isEnabled());

        DryRunPanel *preview = editor()->preview();
        editor()->setCurrentWidget(preview);
        QTRY_VERIFY(preview->previewButton()->isEnabled());
        QSignalSpy finished(preview, &DryRunPanel::previewFinished);
        QTest::mouseClick(preview->previewButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QTableWidget *plan = preview->planTable();
        qint64 creates = 0;
        QStringList lists;
        for (int row = 0; row < plan->rowCount(); ++row) {
            lists << plan->item(row, 0)->text();
            creates += QLocale().toLongLong(plan->item(row, 1)->text());
        }
        QVERIFY2(lists.contains(QStringLiteral("Large projects")) && lists.contains(QStringLiteral("Active projects")) && lists.contains(QStringLiteral("Other projects")),
                 qPrintable(lists.join(QLatin1Char(','))));
        QCOMPARE(creates, 5000);   // every row has a list: the third rule's rest goes to the default
        QCOMPARE(preview->rowsModel()->rowCount(), 5000); // every planned row, with the values it would carry
        const QString created = preview->rowsModel()->index(0, PreviewModel::ChangesColumn).data().toString();
        QVERIFY2(created.contains(QStringLiteral("Title = PRJ-")), qPrintable(created));
        QVERIFY(preview->status()->text().contains(QStringLiteral("nothing was written")));
        QCOMPARE(m_demo.emulator().itemCount(QStringLiteral("Large projects")), 0);
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("dry-run-preview.png"))));
    }

    void runSyncNowFromTheEditor()
    {
        DryRunPanel *preview = editor()->preview();
        QSignalSpy finished(m_ui.runs(), &RunController::finished);
        QTest::mouseClick(preview->runButton(), Qt::LeftButton);
        QVERIFY(!preview->runButton()->isEnabled());   // one run per definition at a time
        QVERIFY(finished.wait(120000));
        const auto outcome = finished.first().at(1).value<RunOutcome>();
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.counters.created, 5000);
        QCOMPARE(m_demo.emulator().itemCount(QStringLiteral("Large projects")) + m_demo.emulator().itemCount(QStringLiteral("Active projects"))
                     + m_demo.emulator().itemCount(QStringLiteral("Other projects")),
                 5000);
        QTRY_VERIFY(m_window->findChild<QDialog *>(QStringLiteral("runDialog")) != nullptr);   // followed in the run dialog
        QTRY_VERIFY(preview->runButton()->isEnabled());
    }

    void changingTheChangeDetectionOfASyncedDefinitionAsksFirst()
    {
        // The definition has run: a new change detection reinterprets its cursor, so saving asks.
        DefinitionForm *form = definitions()->form();
        QComboBox *strategy = form->cursorStrategyCombo();
        strategy->setCurrentIndex(strategy->findData(int(CursorStrategy::FullScan)));
        QVERIFY(definitions()->saveButton()->isEnabled());
        const auto answer = [&](bool reset) {
            QMessageBox *question = nullptr;
            QTRY_VERIFY((question = m_window->findChild<QMessageBox *>(QStringLiteral("confirmReset"))) != nullptr);
            QVERIFY2(question->text().contains(QStringLiteral("change detection: UPDATED_AT → FULL_SCAN")), qPrintable(question->text()));
            QAbstractButton *button = question->button(QMessageBox::Cancel);
            for (QAbstractButton *offered : question->buttons()) {
                if (reset && offered->text() == QStringLiteral("Save and Reset"))
                    button = offered;
            }
            QVERIFY(button);
            if (reset)
                QVERIFY(question->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("confirm-reset.png"))));
            QTest::mouseClick(button, Qt::LeftButton);
            QTRY_VERIFY(m_window->findChild<QMessageBox *>(QStringLiteral("confirmReset")) == nullptr);
        };
        const qint64 id = editor()->definition().id;
        QTest::mouseClick(definitions()->saveButton(), Qt::LeftButton);
        answer(false);
        QCOMPARE(DefinitionRepository(*m_store).byId(id)->cursorStrategy, CursorStrategy::UpdatedAt); // kept
        QVERIFY(LedgerRepository(*m_store).cursor(id, QStringLiteral("push"))->has_value());
        QTRY_VERIFY(definitions()->saveButton()->isEnabled()); // still modified: saving is offered again

        QSignalSpy saved(definitions(), &DefinitionsPage::saved);
        QTest::mouseClick(definitions()->saveButton(), Qt::LeftButton);
        answer(true);
        QVERIFY(saved.count() > 0 || saved.wait());
        QCOMPARE(DefinitionRepository(*m_store).byId(id)->cursorStrategy, CursorStrategy::FullScan);
        QVERIFY(!LedgerRepository(*m_store).cursor(id, QStringLiteral("push"))->has_value()); // reset
    }

    void aNewDefinitionFromScratch()
    {
        QTest::mouseClick(definitions()->newButton(), Qt::LeftButton);
        QCOMPARE(definitions()->list()->count(), 2);
        SyncDefinition fresh = editor()->definition();
        QCOMPARE(fresh.id, 0);
        QCOMPARE(fresh.name, QStringLiteral("New definition"));
        QCOMPARE(fresh.targets.size(), 1);
        QVERIFY(fresh.targets.first().listName.isEmpty()); // no list of the table's name: the picker offers the catalogued ones
        QVERIFY(definitions()->saveButton()->isEnabled());
        QCOMPARE(definitions()->saveButton()->text(), QStringLiteral("Save as draft"));

        // Incomplete, it can still be kept: a disabled draft with its problems listed on the form
        QSignalSpy saved(definitions(), &DefinitionsPage::saved);
        QTest::mouseClick(definitions()->saveButton(), Qt::LeftButton);
        QVERIFY2(saved.wait(), qPrintable(definitions()->message()));
        auto stored = DefinitionRepository(*m_store).byName(QStringLiteral("New definition"));
        QVERIFY(stored.ok());
        QVERIFY(!stored->enabled);
        QVERIFY2(definitions()->message().contains(QStringLiteral("as a disabled draft")), qPrintable(definitions()->message()));
        QTRY_VERIFY(editor()->definition().id == stored->id);
        QLabel *general = definitions()->form()->messageFor(QStringLiteral("general"));
        QVERIFY(general->isVisibleTo(definitions()->form()));
        QVERIFY2(general->text().contains(QStringLiteral("must not be empty")), qPrintable(general->text()));
        QVERIFY(!definitions()->form()->findChild<QCheckBox *>()->isChecked());

        // a draft's runs are refused, with the reasons
        QSignalSpy finished(m_ui.runs(), &RunController::finished);
        QVERIFY(m_ui.runs()->start(stored->id).ok());
        QVERIFY(finished.wait(60000));
        const auto refused = finished.first().at(1).value<RunOutcome>();
        QCOMPARE(refused.status, RunStatus::Failed);
        QVERIFY2(refused.message.contains(QStringLiteral("disabled draft")) && refused.message.contains(QStringLiteral("targets[0]")),
            qPrintable(refused.message));

        // the list: provisioned from the List cell's picker; the mapping editor reads its real columns
        QComboBox *table = definitions()->form()->tableCombo();
        table->setCurrentIndex(table->findData(QStringLiteral("public.projects")));
        QComboBox *picker = designer()->listPicker(0);
        const int provision = picker->count() - 1;
        QCOMPARE(picker->itemText(provision), QStringLiteral("Provision a new list…"));
        picker->setCurrentIndex(provision);
        emit picker->activated(provision);
        ProvisionDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = editor()->findChild<ProvisionDialog *>()) != nullptr);
        QCOMPARE(dialog->listNameEdit()->text(), QStringLiteral("projects"));
        dialog->listNameEdit()->setText(QStringLiteral("Hand-made projects"));
        QTRY_VERIFY(dialog->createButton()->isEnabled());
        const QPointer<ProvisionDialog> open = dialog;
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(open.isNull() || !open->isVisible(), 30000); // closed once the list exists
        QCOMPARE(picker->currentText(), QStringLiteral("Hand-made projects"));
        QVERIFY(!editor()->definition().targets.first().listGraphId.isEmpty());
        editor()->setCurrentWidget(mappingEditor());
        QTRY_VERIFY_WITH_TIMEOUT(mappingEditor()->columnsOrigin()->text().contains(QStringLiteral("from the catalog")), 30000);
        QVERIFY(mappingEditor()->targetTree()->itemFor(QStringLiteral("budget_amount")));
        QVERIFY(!mappingEditor()->readColumnsButton()->isVisible());

        QVERIFY(mappingEditor()->advice().size() > 0);
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("autoMap")), Qt::LeftButton);
        QVERIFY(mappingModel()->rowCount() > 0);
        // Title: filled by the keyboard way, select left and right and Connect
        ColumnTree *sources = mappingEditor()->sourceTree();
        sources->setCurrentItem(sources->topLevelItem(1));
        mappingEditor()->targetTree()->setCurrentItem(mappingEditor()->targetTree()->itemFor(QStringLiteral("Title")));
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("connectColumns")), Qt::LeftButton);
        QVERIFY(mappingRow(QStringLiteral("Title")) >= 0);
        QVERIFY2(editor()->problems().isEmpty(), qPrintable(editor()->problems().value(0).message));
        QCOMPARE(definitions()->saveButton()->text(), QStringLiteral("Save"));
        definitions()->form()->findChild<QCheckBox *>()->setChecked(true); // fixed: enabled again
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("new-definition-mappings.png"))));
        saved.clear();
        QSignalSpy reloaded(definitions(), &DefinitionsPage::loaded);
        QTest::mouseClick(definitions()->saveButton(), Qt::LeftButton);
        QVERIFY(saved.wait());
        QTRY_VERIFY(reloaded.count() > 0);   // the list now holds the stored definition
        stored = DefinitionRepository(*m_store).byName(QStringLiteral("New definition"));
        QVERIFY(stored.ok());
        QVERIFY(stored->enabled);
        QCOMPARE(stored->targets.size(), 1);
        QCOMPARE(stored->targets.first().listName, QStringLiteral("Hand-made projects"));
        QVERIFY(stored->mappings.size() >= 2);
        QTRY_COMPARE(definitions()->list()->count(), 2);
    }

    void aListWhoseColumnsAreUnknownCanBeReadFromTheMappingsTab()
    {
        // A list the catalog has not read: the mapping editor offers to read it right there.
        QComboBox *picker = designer()->listPicker(0);
        picker->setEditText(QStringLiteral("Not made yet"));
        emit picker->lineEdit()->editingFinished();
        QCOMPARE(editor()->definition().targets.first().listName, QStringLiteral("Not made yet"));
        editor()->setCurrentWidget(mappingEditor());
        QVERIFY(mappingEditor()->readColumnsButton()->isVisible());
        QVERIFY(mappingEditor()->columnsOrigin()->text().contains(QStringLiteral("not known yet")));
        QTest::mouseClick(mappingEditor()->readColumnsButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(mappingEditor()->columnsOrigin()->text().contains(QStringLiteral("has no list 'Not made yet'")), 30000);
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("mapping-tab-read-columns.png"))));
        // the transform functions are offered with their arguments
        mappingEditor()->table()->setCurrentIndex(
            mappingModel()->index(mappingRow(QStringLiteral("Title")), MappingModel::TransformColumn));
        TransformBar *bar = mappingEditor()->transformBar();
        bar->functionCombo()->setCurrentIndex(bar->functionCombo()->findData(QStringLiteral("REPLACE")));
        QVERIFY(bar->secondArgument()->isVisible());
        bar->firstArgument()->setText(QStringLiteral("PRJ-"));
        bar->secondArgument()->setText(QStringLiteral("Project '"));
        QTest::mouseClick(bar->addButton(), Qt::LeftButton);
        QCOMPARE(
            mappingModel()->mappings().at(mappingRow(QStringLiteral("Title"))).transform, QStringLiteral("REPLACE('PRJ-','Project ''')"));
        QVERIFY(mappingModel()->transformError(mappingRow(QStringLiteral("Title"))).isEmpty());
        QTest::mouseClick(definitions()->revertButton(), Qt::LeftButton);
        QCOMPARE(editor()->definition().targets.first().listName, QStringLiteral("Hand-made projects"));
    }

    void saveChecksWhatTheImportChecks()
    {
        // Issue 13: the editor's Save and the import make one semantic check (sync/definitioncheck.h)
        // against the catalogued table and list: a misspelled rule column, a rule value of the wrong
        // kind, a number into a text column without FORMAT are problems on the form, with their paths.
        QCOMPARE(editor()->definition().name, QStringLiteral("New definition"));
        editor()->setCurrentWidget(mappingEditor());
        mappingEditor()->table()->setCurrentIndex(mappingModel()->index(mappingRow(QStringLiteral("Title")), 0));
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("removeMapping")), Qt::LeftButton);
        ColumnTree *sources = mappingEditor()->sourceTree();
        sources->setCurrentItem(sources->findItems(QStringLiteral("budget_amount"), Qt::MatchExactly).first());
        mappingEditor()->targetTree()->setCurrentItem(mappingEditor()->targetTree()->itemFor(QStringLiteral("Title")));
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("connectColumns")), Qt::LeftButton);
        QComboBox *strategy = definitions()->form()->targetStrategyCombo();
        strategy->setCurrentIndex(strategy->findData(int(TargetStrategy::Conditional)));
        editor()->setCurrentWidget(designer());
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("addRule")), Qt::LeftButton);
        setRuleText(QStringLiteral("stauts == 'Active'"));
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("addRule")), Qt::LeftButton);
        setRuleText(QStringLiteral("budget_amount >= 'a lot'"));

        const SyncDefinition current = editor()->definition();
        const auto imported = checkImportedDefinitions(*m_store, {current}, std::nullopt);
        QVERIFY(imported.ok());
        QVERIFY(imported->problems.size() >= 3);
        const QList<ValidationIssue> problems = editor()->problems();
        QStringList importPaths, editorPaths;
        for (const ValidationIssue &issue : imported->problems) {
            importPaths << issue.path;
            QVERIFY2(std::any_of(problems.cbegin(), problems.cend(),
                         [&](const ValidationIssue &p) { return p.path == issue.path && p.message.endsWith(issue.message); }),
                qPrintable(issue.path + QStringLiteral(": ") + issue.message));
        }
        for (const ValidationIssue &issue : problems)
            editorPaths << issue.path;
        importPaths.sort();
        editorPaths.sort();
        QCOMPARE(editorPaths, importPaths); // exactly what the import refuses, no more, no less
        QVERIFY(std::any_of(
            problems.cbegin(), problems.cend(), [](const ValidationIssue &p) { return p.message.contains(QStringLiteral("stauts")); }));
        QVERIFY(std::any_of(problems.cbegin(), problems.cend(),
            [](const ValidationIssue &p) { return p.message.startsWith(QStringLiteral("Mapping budget_amount → Title")); }));

        // listed on the form, and saved only as a disabled draft
        editor()->setCurrentIndex(0);
        QLabel *general = definitions()->form()->messageFor(QStringLiteral("general"));
        QVERIFY(general->isVisible());
        QVERIFY2(
            general->text().contains(QStringLiteral("stauts")) && general->text().contains(QStringLiteral("Mapping budget_amount → Title")),
            qPrintable(general->text()));
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("save-check-problems.png"))));
        QCOMPARE(definitions()->saveButton()->text(), QStringLiteral("Save as draft"));
        QSignalSpy saved(definitions(), &DefinitionsPage::saved);
        QTest::mouseClick(definitions()->saveButton(), Qt::LeftButton);
        QVERIFY2(saved.wait(), qPrintable(definitions()->message()));
        QVERIFY(!DefinitionRepository(*m_store).byName(QStringLiteral("New definition"))->enabled);
        QTRY_VERIFY(
            definitions()->form()->messageFor(QStringLiteral("general"))->text().contains(QStringLiteral("stauts"))); // still listed after
                                                                                                                      // the reload
    }

    void deletingADefinitionAsksFirst()
    {
        QListWidget *list = definitions()->list();
        QTRY_VERIFY(!list->findItems(QStringLiteral("New definition"), Qt::MatchExactly).isEmpty());
        list->setCurrentItem(list->findItems(QStringLiteral("New definition"), Qt::MatchExactly).first());
        const auto answer = [&](QMessageBox::StandardButton button) {
            QMessageBox *question = nullptr;
            QTRY_VERIFY((question = m_window->findChild<QMessageBox *>(QStringLiteral("deleteDefinitionQuestion"))) != nullptr);
            QVERIFY(question->text().contains(QStringLiteral("The SharePoint lists and their items stay")));
            QTest::mouseClick(question->button(button), Qt::LeftButton);
            QTRY_VERIFY(m_window->findChild<QMessageBox *>(QStringLiteral("deleteDefinitionQuestion")) == nullptr);
        };
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("deleteDefinition")), Qt::LeftButton);
        answer(QMessageBox::Cancel);
        QVERIFY(DefinitionRepository(*m_store).byName(QStringLiteral("New definition")).ok());   // kept
        QSignalSpy saved(definitions(), &DefinitionsPage::saved);
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("deleteDefinition")), Qt::LeftButton);
        answer(QMessageBox::Yes);
        QTRY_VERIFY(saved.count() > 0);
        QVERIFY(!DefinitionRepository(*m_store).byName(QStringLiteral("New definition")).ok());
        QTRY_COMPARE(list->count(), 1);
        QVERIFY(definitions()->message().contains(QStringLiteral("Deleted 'New definition'")));
        QCOMPARE(m_demo.emulator().itemCount(QStringLiteral("Large projects")) > 0, true);   // SharePoint untouched
    }
};

QTEST_MAIN(TestDefinitions)
#include "tst_definitions.moc"
