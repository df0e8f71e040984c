// The slot guardian in the GUI (ui/replication), offscreen, over the demo environment (real PostgreSQL
// with wal_level=logical, the real emulator, a SQLite meta-store) and a CDC definition of the demo table:
// the editor's Replication tab reads the slot off the GUI thread, shows a warning with what to do when
// the slot lags, the overview card wears a badge, Drop slot and publication asks first, and deleting the
// definition offers to drop its slot. Writes the tab's screenshot into the documentation.
#include "demowindow.h"
#include "testpaths.h"

#include "definitions/definitioneditor.h"
#include "definitions/definitionspage.h"
#include "mainwindow.h"
#include "overview/definitioncard.h"
#include "overview/overviewpage.h"
#include "replication/replicationpanel.h"

#include "agent/slotwatch.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"
#include "sync/runcontroller.h"

#include <QCheckBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace SyncBridge;
using namespace SyncBridge::Test;

Q_DECLARE_METATYPE(SyncBridge::SlotSeverity)

class TestReplication : public QObject
{
    Q_OBJECT

private:
    DemoWindow m_ui;
    DemoEnvironment &m_demo = m_ui.demo();
    MainWindow *m_window = nullptr;
    qint64 m_id = 0;
    const QString m_name = QStringLiteral("Demo projects by CDC");

    DefinitionEditor *editor() const { return m_window->definitionsPage()->editor(); }
    ReplicationPanel *panel() const { return editor()->replication(); }
    QString slotName() const { return QStringLiteral("syncbridge_cdc_%1").arg(m_id); }
    int slotCount()
    {
        return m_demo.postgres()
            .query(
                QStringLiteral("demo"), QStringLiteral("SELECT count(*) FROM pg_replication_slots WHERE slot_name = '%1'").arg(slotName()))
            .value()
            .toInt();
    }
    RunStatus run()
    {
        QSignalSpy ran(m_ui.runs(), &RunController::finished);
        if (!m_ui.runs()->start(m_id).ok() || !ran.wait(120000))
            return RunStatus::Failed;
        return ran.first().at(1).value<RunOutcome>().status;
    }
    SlotSeverity readAgain()
    {
        QSignalSpy read(panel(), &ReplicationPanel::severityChanged);
        QTest::mouseClick(panel()->refreshButton(), Qt::LeftButton);
        if (!read.wait(30000))
            return SlotSeverity::Lost;
        return read.first().at(1).value<SlotSeverity>();
    }
    template<typename T> T *waitForChild(const QString &name)
    {
        // The question opens with open(): it is there once the event loop has run.
        QDeadlineTimer deadline(10000);
        T *child = nullptr;
        while (!(child = m_window->findChild<T *>(name)) && !deadline.hasExpired())
            QTest::qWait(20);
        return child;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<RunOutcome>();
        qRegisterMetaType<SlotSeverity>();
        QString error;
        QVERIFY2(m_ui.start(&error), qPrintable(error));
        QFile demo(demoDefinitionPath());
        QVERIFY(demo.open(QIODevice::ReadOnly));
        QJsonObject file = QJsonDocument::fromJson(demo.readAll()).object();
        QJsonObject definition = file.value(QStringLiteral("definitions")).toArray().first().toObject();
        definition.insert(QStringLiteral("name"), m_name);
        definition.insert(QStringLiteral("mode"), QStringLiteral("CDC"));
        file.insert(QStringLiteral("definitions"), QJsonArray{definition});
        QFile cdc(m_demo.path(QStringLiteral("cdc.json")));
        QVERIFY(cdc.open(QIODevice::WriteOnly));
        cdc.write(QJsonDocument(file).toJson());
        cdc.close();
        QVERIFY2(m_demo.importDefinitionsFile(cdc.fileName(), &error), qPrintable(error));
        m_id = DefinitionRepository(*m_demo.store()).byName(m_name)->id;
        m_window = m_ui.openWindow();
        m_window->resize(1100, 720);
        QCOMPARE(run(), RunStatus::Succeeded); // the first run: publication, slot, the table in its snapshot
        QCOMPARE(slotCount(), 1);

        QSignalSpy definitionsLoaded(m_window->definitionsPage(), &DefinitionsPage::loaded);
        m_window->showPage(m_window->definitionsPage());
        m_window->show();
        QVERIFY(definitionsLoaded.wait());
        QTRY_COMPARE(editor()->definition().name, m_name);
    }

    void cleanupTestCase() { m_ui.stop(); }

    void theTabReadsTheSlotAndWarnsWithWhatToDoWhenItLags()
    {
        QVERIFY(editor()->isTabVisible(editor()->indexOf(panel())));
        QSignalSpy read(panel(), &ReplicationPanel::severityChanged);
        editor()->setCurrentWidget(panel()); // opening the tab reads the slot, off the GUI thread
        QVERIFY(read.wait(30000));
        QCOMPARE(read.first().at(1).value<SlotSeverity>(), SlotSeverity::Ok);
        QVERIFY(panel()->banner()->isHidden());

        // Writes no run consumes, and the last recorded position two hours old: a slot left behind.
        QVERIFY(m_demo.postgres()
                    .query(QStringLiteral("demo"), QStringLiteral("UPDATE projects SET name = name || ' (renamed)' WHERE id % 3 = 0"))
                    .ok());
        QSqlQuery stamp(m_demo.store()->connection());
        stamp.prepare(QStringLiteral("UPDATE sync_cursors SET updated_at = ? WHERE definition_id = ? AND scope = 'cdc'"));
        stamp.addBindValue(QDateTime::currentMSecsSinceEpoch() - 2 * 3600 * 1000);
        stamp.addBindValue(m_id);
        QVERIFY2(stamp.exec() && stamp.numRowsAffected() == 1, qPrintable(stamp.lastError().text()));
        QCOMPARE(readAgain(), SlotSeverity::Warning);
        QVERIFY(panel()->banner()->isVisible());
        QVERIFY2(panel()->banner()->text().contains(QStringLiteral("120 minute")), qPrintable(panel()->banner()->text()));
        QVERIFY2(panel()->banner()->text().contains(QStringLiteral("Schedule the definition more often")),
            qPrintable(panel()->banner()->text()));

        // The overview card wears the verdict while it lasts.
        m_window->slotWatch()->checkNow();
        const auto badge = [this]() {
            DefinitionCard *card = m_window->overviewPage()->card(m_id);
            return card ? card->slotBadge() : nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(badge() && !badge()->isHidden(), 30000);
        QCOMPARE(badge()->text(), QStringLiteral("Slot: Warning"));

        // The screenshot says where a store usually is, not the test's temporary folder.
        m_window->findChild<QLabel *>(QStringLiteral("storeLabel"))
            ->setText(QStringLiteral("Meta-store: ~/.local/share/SyncBridge/SyncBridge/syncbridge.db"));
        QCoreApplication::processEvents();
        const QPixmap shot = m_window->grab();
        QVERIFY(shot.save(QDir(artifactDirectory()).filePath(QStringLiteral("slot-guardian.png"))));
        QVERIFY(shot.save(QStringLiteral(SYNCBRIDGE_DOCS_IMAGES "/slot-guardian.png")));
    }

    void dropSlotAndPublicationAsksFirstThenDropsBoth()
    {
        QTest::mouseClick(panel()->dropButton(), Qt::LeftButton);
        auto *question = waitForChild<QMessageBox>(QStringLiteral("dropSlotQuestion"));
        QVERIFY(question);
        QCOMPARE(slotCount(), 1); // nothing before the answer
        QSignalSpy read(panel(), &ReplicationPanel::severityChanged);
        question->button(QMessageBox::Yes)->click();
        QVERIFY(read.wait(30000));
        QCOMPARE(slotCount(), 0);
        QCOMPARE(
            m_demo.postgres()
                .query(QStringLiteral("demo"), QStringLiteral("SELECT count(*) FROM pg_publication WHERE pubname = '%1'").arg(slotName()))
                .value()
                .toInt(),
            0);
        // Dropped through SyncBridge: not lost — the next run loads the table again without asking.
        QCOMPARE(read.first().at(1).value<SlotSeverity>(), SlotSeverity::Ok);
        QVERIFY2(panel()->status()->text().contains(QStringLiteral("first run creates it")), qPrintable(panel()->status()->text()));
    }

    void deletingTheDefinitionOffersToDropItsSlot()
    {
        QCOMPARE(run(), RunStatus::Succeeded); // a slot again
        QCOMPARE(slotCount(), 1);
        QTest::mouseClick(m_window->definitionsPage()->findChild<QPushButton *>(QStringLiteral("deleteDefinition")), Qt::LeftButton);
        auto *question = waitForChild<QMessageBox>(QStringLiteral("deleteDefinitionQuestion"));
        QVERIFY(question);
        auto *option = question->findChild<QCheckBox *>(QStringLiteral("dropSlotOption"));
        QVERIFY(option);
        QVERIFY(option->isChecked()); // offered, and the safe choice is the default
        question->button(QMessageBox::Yes)->click();
        QTRY_COMPARE_WITH_TIMEOUT(slotCount(), 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!DefinitionRepository(*m_demo.store()).byName(m_name), 30000);
    }
};

QTEST_MAIN(TestReplication)
#include "tst_replication.moc"
