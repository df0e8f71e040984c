// The Conflicts view against a real meta-store: conflicts recorded with ConflictRepository (as a
// MANUAL two-way run records them) are listed by row with their values side by side; choosing the
// database's, SharePoint's or an edited value records the decision in the store, for one conflict,
// a row or the chosen ones; wrong input is refused by name; the Overview card counts what is open;
// and the store is read and written on the store's pool, never on the GUI thread.
#include "demowindow.h"
#include "englishplurals.h"
#include "testpaths.h"

#include "conflicts/conflictcomparison.h"
#include "conflicts/conflictlist.h"
#include "conflicts/conflictspage.h"
#include "conflicts/conflictsview.h"
#include "conflicts/conflictvaluedialog.h"
#include "conflicts/conflictvaluetext.h"
#include "mainwindow.h"
#include "overview/definitioncard.h"
#include "overview/overviewpage.h"

#include "store/conflictrepository.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestConflicts : public QObject
{
    Q_OBJECT

private:
    DemoWindow m_ui;
    std::shared_ptr<MetaStore> m_store;
    MainWindow *m_window = nullptr;
    qint64 m_definitionId = 0;
    QHash<QString, qint64> m_ids; // "row/field" → conflict id

    ConflictsPage *page() const { return m_window->conflictsPage(); }
    ConflictsView *view() const { return page()->view(); }
    ConflictList *list() const { return view()->list(); }
    DefinitionCard *card() const { return m_window->overviewPage()->card(m_definitionId); }

    SyncConflict stored(const QString &key) const
    {
        const auto conflict = ConflictRepository(*m_store).conflict(m_ids.value(key));
        return conflict && *conflict ? **conflict : SyncConflict();
    }

    qint64 openInStore() const { return ConflictRepository(*m_store).openCounts()->value(m_definitionId); }

    void record(const QString &row, const QString &field, const QJsonValue &base, const QJsonValue &database, const QJsonValue &sharePoint,
        const QString &editor, int minutesAgo)
    {
        SyncConflict conflict;
        conflict.definitionId = m_definitionId;
        conflict.identityHash = QStringLiteral("hash-") + row;
        conflict.identityText = QStringLiteral("project_code=") + row;
        conflict.listGraphId = QStringLiteral("list-active");
        conflict.itemId = row;
        conflict.field = field;
        conflict.column = field;
        conflict.baseValue = base;
        conflict.databaseValue = database;
        conflict.sharePointValue = sharePoint;
        // Fixed moments: the screenshot in docs/ comes out the same on every run.
        const QDateTime found(QDate(2026, 11, 30), QTime(16, 0), Qt::UTC);
        conflict.databaseChangedAt = found.addSecs(-7200);
        conflict.sharePointModifiedAt = found.addSecs(-60 * minutesAgo);
        conflict.sharePointEditor = editor;
        conflict.detectedAt = QDateTime::currentDateTimeUtc();
        const Result<qint64> id = ConflictRepository(*m_store).record(conflict);
        QVERIFY2(id.ok(), qPrintable(id ? QString() : id.error().message()));
        m_ids.insert(row + QLatin1Char('/') + field, *id);
    }

    // Makes exactly these conflicts the chosen ones (the current one first).
    void choose(const QStringList &keys)
    {
        QList<qint64> ids;
        for (const QString &key : keys)
            ids << m_ids.value(key);
        list()->selectConflicts(ids);
        QCOMPARE(list()->selectedConflicts().size(), keys.size());
    }

    QTreeWidgetItem *rowItem(const QString &row) const
    {
        for (int top = 0; top < list()->topLevelItemCount(); ++top) {
            if (list()->topLevelItem(top)->text(ConflictList::FieldColumn) == QStringLiteral("project_code=") + row)
                return list()->topLevelItem(top);
        }
        return nullptr;
    }

    void decideAndWait(QPushButton *button)
    {
        QSignalSpy decided(view(), &ConflictsView::decided);
        QSignalSpy loaded(view(), &ConflictsView::loaded);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(decided.wait());
        QTRY_VERIFY(!loaded.isEmpty());
    }

    void openFromCard()
    {
        m_window->showPage(m_window->overviewPage());
        QTRY_VERIFY(card() && card()->conflictsButton()->isVisible());
        QSignalSpy loaded(view(), &ConflictsView::loaded);
        QTest::mouseClick(card()->conflictsButton(), Qt::LeftButton);
        QTRY_VERIFY(page()->isVisible());
        QTRY_VERIFY(!loaded.isEmpty());
        QCOMPARE(view()->definitionId(), m_definitionId);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(installEnglishPlurals(this));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QString error;
        QVERIFY2(m_ui.start(&error), qPrintable(error));
        QVERIFY2(m_ui.demo().importDefinitionsFile(demoDefinitionPath(), &error), qPrintable(error));
        m_store = m_ui.demo().store();
        m_definitionId = DefinitionRepository(*m_store).all()->constFirst().id;

        // What a MANUAL two-way run leaves: three rows, text, number, date, choice and multi-choice fields.
        record(QStringLiteral("PRJ-1003"), QStringLiteral("status"), QStringLiteral("Active"), QStringLiteral("On hold"),
            QStringLiteral("Completed"), QStringLiteral("Anna Meyer"), 42);
        record(
            QStringLiteral("PRJ-1003"), QStringLiteral("budget_amount"), 1250000.0, 1300000.0, 1275500.5, QStringLiteral("Anna Meyer"), 42);
        record(QStringLiteral("PRJ-1007"), QStringLiteral("tags"), QJsonArray{QStringLiteral("Finance"), QStringLiteral("IT")},
            QJsonArray{QStringLiteral("Finance"), QStringLiteral("IT"), QStringLiteral("Security")},
            QJsonArray{QStringLiteral("Finance"), QStringLiteral("Legal")}, QStringLiteral("Jonas Weber"), 180);
        record(QStringLiteral("PRJ-1007"), QStringLiteral("start_date"), QStringLiteral("2026-03-01"), QStringLiteral("2026-03-15"),
            QJsonValue(), QStringLiteral("Jonas Weber"), 180);
        record(QStringLiteral("PRJ-1012"), QStringLiteral("name"), QStringLiteral("Data centre move"),
            QStringLiteral("Data centre migration"), QStringLiteral("Datacenter move (phase 2)"), QStringLiteral("Priya Natarajan"), 5);
        record(QStringLiteral("PRJ-1012"), QStringLiteral("manager_email"), QStringLiteral("li.wei@contoso.com"),
            QStringLiteral("m.rossi@contoso.com"), QStringLiteral("s.dubois@contoso.com"), QStringLiteral("Priya Natarajan"), 5);
        // One already decided, waiting for the next run.
        QVERIFY(ConflictRepository(*m_store)
                    .resolve(m_ids.value(QStringLiteral("PRJ-1012/manager_email")), ConflictResolution::SharePoint,
                        QStringLiteral("s.dubois@contoso.com"), QStringLiteral("admin"), QDateTime::currentDateTimeUtc())
                    .ok());

        m_window = m_ui.openWindow();
        QSignalSpy loaded(m_window->overviewPage(), &OverviewPage::loaded);
        m_window->resize(1180, 760);
        m_window->show();
        QVERIFY(loaded.wait());
    }

    void cleanupTestCase() { m_ui.stop(); }

    void valuesAreWrittenForPeople()
    {
        const QLocale english(QLocale::English, QLocale::UnitedStates), german(QLocale::German, QLocale::Germany);
        QCOMPARE(conflictValueText(QJsonValue(), english), QStringLiteral("— no value"));
        QCOMPARE(conflictValueText(1275500.5, english), QStringLiteral("1,275,500.5"));
        QCOMPARE(conflictValueText(1275500.5, german), QStringLiteral("1.275.500,5"));
        QCOMPARE(conflictValueText(true, english), QStringLiteral("Yes"));
        QCOMPARE(
            conflictValueText(QJsonArray{QStringLiteral("Finance"), QStringLiteral("Legal")}, english), QStringLiteral("Finance, Legal"));
        QCOMPARE(conflictValueText(QStringLiteral("2026-03-15"), english), english.toString(QDate(2026, 3, 15), QLocale::ShortFormat));
        QCOMPARE(
            conflictValueText(QStringLiteral("2026-03-15T00:00:00Z"), german), german.toString(QDate(2026, 3, 15), QLocale::ShortFormat));
        QCOMPARE(conflictValueText(QStringLiteral("2026-03-15 was the plan"), english), QStringLiteral("2026-03-15 was the plan"));
    }

    void theCardCountsTheOpenConflicts()
    {
        QTRY_VERIFY(card() != nullptr);
        QCOMPARE(openInStore(), 5);
        QCOMPARE(card()->openConflicts(), 5);
        QVERIFY(card()->conflictsButton()->isVisibleTo(card()));
        QCOMPARE(card()->conflictsButton()->text(), QStringLiteral("Conflicts (5)"));
        QTRY_VERIFY(card()->conflictsButton()->isVisible());
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("overview-conflicts.png"))));
    }

    void theViewListsWhatTheStoreHoldsByRow()
    {
        openFromCard();
        QVERIFY(!view()->isEmptyStateShown());
        const auto pending = ConflictRepository(*m_store).pending(m_definitionId);
        QVERIFY(pending.ok());
        QCOMPARE(list()->conflicts().size(), pending->size());
        QCOMPARE(list()->topLevelItemCount(), 3); // grouped by row
        QTreeWidgetItem *row = rowItem(QStringLiteral("PRJ-1003"));
        QVERIFY(row);
        QCOMPARE(row->childCount(), 2);
        QCOMPARE(row->text(ConflictList::DecisionColumn), QStringLiteral("2 open"));
        QTreeWidgetItem *budget = row->child(0)->text(0) == QStringLiteral("budget_amount") ? row->child(0) : row->child(1);
        QCOMPARE(budget->text(ConflictList::DatabaseColumn), QStringLiteral("1,300,000"));
        QCOMPARE(budget->text(ConflictList::SharePointColumn), QStringLiteral("1,275,500.5"));
        QCOMPARE(budget->text(ConflictList::ChangedColumn),
            QStringLiteral("Anna Meyer, ")
                + QLocale().toString(QDateTime(QDate(2026, 11, 30), QTime(15, 18), Qt::UTC).toLocalTime(), QLocale::ShortFormat));
        QTreeWidgetItem *decided = rowItem(QStringLiteral("PRJ-1012"));
        bool sawDecided = false;
        for (int child = 0; child < decided->childCount(); ++child)
            sawDecided = sawDecided
                || decided->child(child)->text(ConflictList::DecisionColumn)
                    == QStringLiteral("Decided: SharePoint value — waiting for the next run");
        QVERIFY(sawDecided);
        QVERIFY2(page()->definitionChooser()->currentText() == QStringLiteral("Demo projects to SharePoint (5 open)"),
            qPrintable(page()->definitionChooser()->currentText()));
    }

    void theComparisonShowsTheThreeValuesSideBySide()
    {
        list()->setCurrentItem(rowItem(QStringLiteral("PRJ-1007")));
        const std::optional<SyncConflict> current = list()->currentConflict();
        QVERIFY(current);
        QCOMPARE(current->identityText, QStringLiteral("project_code=PRJ-1007"));
        QCOMPARE(view()->comparison()->valueText(ConflictComparison::Base), conflictValueText(current->baseValue));
        QCOMPARE(view()->comparison()->valueText(ConflictComparison::Database), conflictValueText(current->databaseValue));
        QCOMPARE(view()->comparison()->valueText(ConflictComparison::SharePoint), conflictValueText(current->sharePointValue));
        choose({QStringLiteral("PRJ-1007/start_date")});
        list()->setCurrentItem(list()->currentItem()); // keeps the comparison on the current row
        QVERIFY(view()->comparison()->findChild<QLabel *>(QStringLiteral("sharePointValue")) != nullptr);
    }

    void screenshotOfTheConflictsView()
    {
        QTreeWidgetItem *row = rowItem(QStringLiteral("PRJ-1003"));
        list()->setCurrentItem(row->child(0));
        choose({QStringLiteral("PRJ-1003/") + row->child(0)->text(0)});
        // The test's store lives in a fresh temporary folder; the screenshot shows the default one.
        m_window->findChild<QLabel *>(QStringLiteral("storeLabel"))
            ->setText(QStringLiteral("Meta-store: ~/.local/share/SyncBridge/SyncBridge/syncbridge.db"));
        QCoreApplication::processEvents();
        const QPixmap shot = m_window->grab();
        QVERIFY(shot.save(QDir(artifactDirectory()).filePath(QStringLiteral("conflicts-view.png"))));
        QVERIFY(shot.save(QStringLiteral(SYNCBRIDGE_DOCS_IMAGES "/conflicts-view.png")));
    }

    void useDatabaseValueRecordsTheDecision()
    {
        const QString key = QStringLiteral("PRJ-1012/name");
        choose({key});
        decideAndWait(view()->useDatabaseButton());
        const SyncConflict decided = stored(key);
        QCOMPARE(decided.resolution, ConflictResolution::Database);
        QCOMPARE(decided.resolvedValue, QJsonValue(QStringLiteral("Data centre migration")));
        QVERIFY(!decided.resolvedBy.isEmpty());
        QVERIFY(decided.resolvedAt.isValid());
        QCOMPARE(rowItem(QStringLiteral("PRJ-1012"))->text(ConflictList::DecisionColumn), QStringLiteral("All decided"));
    }

    void useSharePointValueForAWholeRowRecordsEveryField()
    {
        list()->clearSelection();
        rowItem(QStringLiteral("PRJ-1007"))->setSelected(true); // the row stands for its fields
        QCOMPARE(view()->useSharePointButton()->isEnabled(), true);
        QVERIFY(!view()->editButton()->isEnabled()); // two fields of two kinds: no single value fits both
        decideAndWait(view()->useSharePointButton());
        QCOMPARE(stored(QStringLiteral("PRJ-1007/tags")).resolution, ConflictResolution::SharePoint);
        QCOMPARE(stored(QStringLiteral("PRJ-1007/tags")).resolvedValue,
            QJsonValue(QJsonArray{QStringLiteral("Finance"), QStringLiteral("Legal")}));
        QCOMPARE(stored(QStringLiteral("PRJ-1007/start_date")).resolution, ConflictResolution::SharePoint);
        QVERIFY(stored(QStringLiteral("PRJ-1007/start_date")).resolvedValue.isNull());
    }

    void aDecisionCanBeChangedUntilApplied()
    {
        choose({QStringLiteral("PRJ-1012/manager_email")});
        decideAndWait(view()->useDatabaseButton());
        QCOMPARE(stored(QStringLiteral("PRJ-1012/manager_email")).resolution, ConflictResolution::Database);
        QCOMPARE(stored(QStringLiteral("PRJ-1012/manager_email")).resolvedValue, QJsonValue(QStringLiteral("m.rossi@contoso.com")));
    }

    void anEditedNumberRefusesTextAndRecordsANumber()
    {
        const QString key = QStringLiteral("PRJ-1003/budget_amount");
        choose({key});
        QVERIFY(view()->editButton()->isEnabled());
        QTest::mouseClick(view()->editButton(), Qt::LeftButton);
        ConflictValueDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = view()->findChild<ConflictValueDialog *>()) != nullptr);
        QCOMPARE(dialog->kind(), ConflictValueKind::Number);
        auto *input = dialog->findChild<QLineEdit *>(QStringLiteral("editValue"));
        QVERIFY(input);
        input->setText(QStringLiteral("about 1.3 million"));
        dialog->accept();
        QVERIFY(dialog->isVisible()); // refused: still asking
        QVERIFY2(dialog->problem().contains(QStringLiteral("“about 1.3 million” is not a number")), qPrintable(dialog->problem()));
        QCOMPARE(stored(key).resolution, ConflictResolution::Open);

        QSignalSpy decided(view(), &ConflictsView::decided);
        input->setText(QStringLiteral("1,280,000"));
        dialog->accept();
        QVERIFY(decided.wait());
        QCOMPARE(stored(key).resolution, ConflictResolution::Edited);
        QCOMPARE(stored(key).resolvedValue, QJsonValue(1280000.0));
    }

    void anEditedMultiChoiceKeepsTheCheckedChoices()
    {
        const QString key = QStringLiteral("PRJ-1007/tags");
        choose({key});
        QTest::mouseClick(view()->editButton(), Qt::LeftButton);
        ConflictValueDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = view()->findChild<ConflictValueDialog *>()) != nullptr);
        QCOMPARE(dialog->kind(), ConflictValueKind::Choices);
        auto *choices = dialog->findChild<QListWidget *>(QStringLiteral("editChoices"));
        QCOMPARE(choices->count(), 4); // every choice either side or the last agreement used
        for (int row = 0; row < choices->count(); ++row)
            choices->item(row)->setCheckState(choices->item(row)->text() == QStringLiteral("Security") ? Qt::Checked : Qt::Unchecked);
        dialog->findChild<QLineEdit *>(QStringLiteral("editMoreChoices"))->setText(QStringLiteral("Audit"));
        QSignalSpy decided(view(), &ConflictsView::decided);
        dialog->accept();
        QVERIFY(decided.wait());
        QCOMPARE(stored(key).resolution, ConflictResolution::Edited);
        QCOMPARE(stored(key).resolvedValue, QJsonValue(QJsonArray{QStringLiteral("Security"), QStringLiteral("Audit")}));
    }

    void theCardCountFollowsTheDecisions()
    {
        // Open left: PRJ-1003/status only.
        QCOMPARE(openInStore(), 1);
        QTRY_COMPARE(card()->openConflicts(), 1);
        QCOMPARE(card()->conflictsButton()->text(), QStringLiteral("Conflicts (1)"));
        QTRY_VERIFY(page()->definitionChooser()->currentText().startsWith(QStringLiteral("Demo projects to SharePoint (1 open)")));
    }

    void theStoreIsNotQueriedOnTheGuiThread()
    {
        // The store's pool has one thread: while it is held, a decision that ran on the GUI thread
        // would be in the store at once; one that goes to the pool waits.
        QSemaphore hold, holding;
        QThreadPool *pool = m_ui.services()->context().storePool;
        QFuture<void> holder = QtConcurrent::run(pool, [&hold, &holding]() {
            holding.release();
            hold.acquire();
        });
        holding.acquire();
        const QString key = QStringLiteral("PRJ-1003/status");
        choose({key});
        QSignalSpy decided(view(), &ConflictsView::decided);
        QTest::mouseClick(view()->useDatabaseButton(), Qt::LeftButton); // returns: the GUI thread did not wait
        QTest::qWait(200);
        QCOMPARE(stored(key).resolution, ConflictResolution::Open);
        QVERIFY(decided.isEmpty());
        hold.release();
        holder.waitForFinished();
        QVERIFY(decided.wait());
        QCOMPARE(stored(key).resolution, ConflictResolution::Database);
        QTRY_VERIFY(!card()->conflictsButton()->isVisibleTo(card())); // none open: the card shows nothing
    }

    void appliedDecisionsMoveToTheHistory()
    {
        QVERIFY(view()->findChild<QPushButton *>(QStringLiteral("runNowForConflicts"))->isVisible());
        QSignalSpy loaded(view(), &ConflictsView::loaded);
        view()->setShown(ConflictsView::Shown::History);
        QVERIFY(loaded.wait());
        QVERIFY(view()->isEmptyStateShown());
        QVERIFY(
            view()->findChild<QLabel *>(QStringLiteral("conflictsEmptyState"))->text().contains(QStringLiteral("No decision applied yet")));

        // What the next run does once it has written the decisions of row PRJ-1007 to both sides.
        QVERIFY(ConflictRepository(*m_store)
                    .markApplied({m_ids.value(QStringLiteral("PRJ-1007/tags")), m_ids.value(QStringLiteral("PRJ-1007/start_date"))}, 77,
                        QDateTime::currentDateTimeUtc())
                    .ok());
        view()->reload();
        QVERIFY(loaded.wait());
        QCOMPARE(list()->conflicts().size(), 2);
        QVERIFY(list()->topLevelItem(0)->child(0)->text(ConflictList::DecisionColumn).startsWith(QStringLiteral("Applied: ")));
        QCOMPARE(list()->topLevelItem(0)->text(ConflictList::DecisionColumn), QStringLiteral("Applied"));
        list()->selectAll();
        QVERIFY(!view()->useDatabaseButton()->isEnabled()); // applied is final
        QVERIFY(!view()->editButton()->isEnabled());

        view()->setShown(ConflictsView::Shown::Pending);
        QVERIFY(loaded.wait());
        QVERIFY(rowItem(QStringLiteral("PRJ-1007")) == nullptr);
        QCOMPARE(list()->conflicts().size(), 4);
    }

    void withoutConflictsTheViewExplainsThem()
    {
        const auto pending = ConflictRepository(*m_store).pending(m_definitionId);
        QList<qint64> ids;
        for (const SyncConflict &conflict : *pending)
            ids << conflict.id;
        QVERIFY(ConflictRepository(*m_store).markApplied(ids, 78, QDateTime::currentDateTimeUtc()).ok());
        QSignalSpy loaded(view(), &ConflictsView::loaded);
        view()->reload();
        QVERIFY(loaded.wait());
        QVERIFY(view()->isEmptyStateShown());
        const QString text = view()->findChild<QLabel *>(QStringLiteral("conflictsEmptyState"))->text();
        QVERIFY(text.contains(QStringLiteral("No conflicts")));
        QVERIFY(text.contains(QStringLiteral("<b>Ask (manual)</b>")));
    }
};

QTEST_MAIN(TestConflicts)
#include "tst_conflicts.moc"
