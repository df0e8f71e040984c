// The Connections page driven through its widgets, against a real PostgreSQL and a real SQLite
// meta-store; secrets go to an in-memory store standing in for the keychain.
#include "postgresfixture.h"
#include "testpaths.h"

#include "appservices.h"
#include "connections/connectionspage.h"
#include "connections/databasedialog.h"
#include "connections/instancetable.h"
#include "connections/sharepointdialog.h"
#include "mainwindow.h"

#include "secrets/memorysecretstore.h"
#include "store/connectionrepository.h"
#include "store/metastore.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace SyncBridge;

class TestConnections : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::PostgresFixture m_postgres;
    std::shared_ptr<MetaStore> m_store;
    MemorySecretStore m_secrets;
    std::unique_ptr<AppServices> m_services;
    std::unique_ptr<MainWindow> m_window;

    ConnectionsPage *page() const { return m_window->connectionsPage(); }

    template<typename Dialog>
    Dialog *openedDialog()
    {
        Dialog *dialog = nullptr;
        [&] { QTRY_VERIFY((dialog = page()->findChild<Dialog *>()) != nullptr); }();
        return dialog;
    }

    static QPushButton *saveButton(QDialog *dialog)
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("SyncBridgeTest"));
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_postgres.start().ok());
        QVERIFY(m_postgres.createDatabase(QStringLiteral("demo")).ok());
        QVERIFY(m_postgres.runSqlFile(QStringLiteral("demo"), Test::demoSqlPath()).ok());
        auto store = MetaStore::open(*StoreLocation::parse(m_dir.filePath(QStringLiteral("store.db"))));
        QVERIFY(store.ok());
        m_store = *store;
        m_services = std::make_unique<AppServices>(m_store, m_secrets);
        m_window = std::make_unique<MainWindow>(m_services->context());
        QSignalSpy loaded(page(), &ConnectionsPage::loaded);
        m_window->showPage(page());
        m_window->show();
        QVERIFY(loaded.wait());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_services.reset();
    }

    void showsAnEmptyStateFirst()
    {
        QCOMPARE(
            m_window->navigationRail()->count(), 6); // only pages that exist: Overview, Connections, Catalog, Definitions, Runs, Settings
        QCOMPARE(m_window->navigationRail()->item(1)->text(), QStringLiteral("Connections"));
        auto *empty = page()->findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("No connections yet")));
        m_window->grab().save(QDir(Test::artifactDirectory()).filePath(QStringLiteral("connections-empty.png")));
    }

    void addDatabaseWithTwoInstances()
    {
        page()->addDatabase();
        auto *dialog = openedDialog<DatabaseDialog>();
        QVERIFY(dialog);
        auto *problems = dialog->findChild<QLabel *>(QStringLiteral("problemsLabel"));
        QVERIFY(!saveButton(dialog)->isEnabled());
        QVERIFY(problems->text().contains(QStringLiteral("Give the connection a name")));

        dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Demo projects"));
        dialog->findChild<QLineEdit *>(QStringLiteral("databaseNameEdit"))->setText(QStringLiteral("demo"));
        InstanceTable *instances = dialog->instanceTable();
        QCOMPARE(instances->count(), 1);
        instances->setCellText(0, InstanceTable::HostColumn, m_postgres.host());
        instances->setCellText(0, InstanceTable::PortColumn, QString::number(m_postgres.port()));
        instances->setCellText(0, InstanceTable::PasswordColumn, m_postgres.password());
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("addInstanceButton")), Qt::LeftButton);
        QCOMPARE(instances->count(), 2);
        instances->setCellText(1, InstanceTable::NameColumn, QStringLiteral("primary"));
        QVERIFY(problems->text().contains(QStringLiteral("Two instances are called")));
        QVERIFY(!saveButton(dialog)->isEnabled());
        instances->setCellText(1, InstanceTable::NameColumn, QStringLiteral("standby"));
        instances->setCellText(1, InstanceTable::HostColumn, QStringLiteral("127.0.0.1"));
        instances->setCellText(1, InstanceTable::PortColumn, QString::number(Test::PostgresFixture::freeLoopbackPort()));
        instances->setCellText(1, InstanceTable::RoleColumn, QStringLiteral("Standby"));
        instances->setCellText(1, InstanceTable::PasswordColumn, QStringLiteral("standby-pw"));
        QVERIFY(saveButton(dialog)->isEnabled());

        QSignalSpy saved(page(), &ConnectionsPage::saved);
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QVERIFY(saved.wait());

        auto databases = ConnectionRepository(*m_store).databases();
        QVERIFY(databases.ok());
        QCOMPARE(databases->size(), 1);
        const Database &database = databases->first();
        QCOMPARE(database.instances.size(), 2);
        QCOMPARE(database.instances.at(1).role, InstanceRole::Standby);
        // The passwords went to the secret store under the instances' keys…
        QCOMPARE(*readSecretBlocking(m_secrets, database.instances.at(0).secretRef), m_postgres.password());
        QCOMPARE(*readSecretBlocking(m_secrets, database.instances.at(1).secretRef), QStringLiteral("standby-pw"));
        QVERIFY(database.instances.at(0).secretRef.startsWith(QStringLiteral("postgres/")));
        // …and not into the meta-store file.
        QFile file(m_dir.filePath(QStringLiteral("store.db")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        QFile wal(m_dir.filePath(QStringLiteral("store.db-wal")));
        if (wal.open(QIODevice::ReadOnly))
            bytes += wal.readAll();
        QVERIFY(bytes.contains("Demo projects"));
        QVERIFY(!bytes.contains("standby-pw"));
        QVERIFY(!bytes.contains(m_postgres.password().toUtf8()));

        QCOMPARE(ConnectionsModel::kindOf(page()->tree()->currentIndex()), ConnectionsModel::Kind::Database);
    }

    void addSharePointConnection()
    {
        page()->addSharePointConnection();
        auto *dialog = openedDialog<SharePointDialog>();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Contoso (emulator)"));
        dialog->findChild<QLineEdit *>(QStringLiteral("tenantEdit"))->setText(QStringLiteral("contoso.onmicrosoft.com"));
        dialog->findChild<QLineEdit *>(QStringLiteral("clientIdEdit"))->setText(QStringLiteral("535fb089-9ff3-47b6-9bfb-4f1264799865"));
        dialog->findChild<QLineEdit *>(QStringLiteral("secretEdit"))->setText(QStringLiteral("client-secret-value"));
        dialog->findChild<QLineEdit *>(QStringLiteral("graphEdit"))->setText(QStringLiteral("http://graph.example.com/v1.0"));
        QVERIFY(!saveButton(dialog)->isEnabled());   // plain http only to loopback
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("problemsLabel"))->text().contains(QStringLiteral("Graph base URL")));
        dialog->findChild<QLineEdit *>(QStringLiteral("graphEdit"))->setText(QStringLiteral("http://127.0.0.1:8765/v1.0"));
        QVERIFY(saveButton(dialog)->isEnabled());
        QSignalSpy saved(page(), &ConnectionsPage::saved);
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QVERIFY(saved.wait());
        auto connection = ConnectionRepository(*m_store).sharePointConnectionByName(QStringLiteral("Contoso (emulator)"));
        QVERIFY(connection.ok());
        QCOMPARE(*readSecretBlocking(m_secrets, connection->secretRef), QStringLiteral("client-secret-value"));
        QCOMPARE(page()->model()->sharePointConnections().size(), 1);
    }

    void testReportsEachInstance()
    {
        page()->selectDatabase(page()->model()->databases().first().id);
        QSignalSpy finished(page(), &ConnectionsPage::testFinished);
        page()->testSelected();
        QVERIFY(finished.wait(30000));
        QListWidget *results = page()->testResults();
        QCOMPARE(results->count(), 2);
        QVERIFY(results->item(0)->data(Qt::UserRole).toBool());
        QVERIFY(results->item(0)->text().contains(QStringLiteral("PostgreSQL 15")));
        QVERIFY(!results->item(1)->data(Qt::UserRole).toBool());
        QVERIFY(results->item(1)->text().contains(QStringLiteral("Nothing is accepting connections")));
        m_window->resize(1100, 640);
        QVERIFY(m_window->grab().save(QDir(Test::artifactDirectory()).filePath(QStringLiteral("connections-page.png"))));
    }

    void duplicateNameIsExplained()
    {
        page()->addDatabase();
        auto *dialog = openedDialog<DatabaseDialog>();
        dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Demo projects"));
        dialog->findChild<QLineEdit *>(QStringLiteral("databaseNameEdit"))->setText(QStringLiteral("other"));
        QSignalSpy failed(page(), &ConnectionsPage::saveFailed);
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QVERIFY(failed.wait());
        QVERIFY(page()->message().contains(QStringLiteral("already has this name")));
        QCOMPARE(ConnectionRepository(*m_store).databases()->size(), 1);
    }

    void deleteAsksThenRemovesConnectionAndSecret()
    {
        const SharePointConnection connection = page()->model()->sharePointConnections().first();
        page()->selectSharePointConnection(connection.id);
        page()->deleteSelected();
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = page()->findChild<QMessageBox *>(QStringLiteral("deleteQuestion"))) != nullptr);
        QSignalSpy loaded(page(), &ConnectionsPage::loaded);
        question->button(QMessageBox::Yes)->click();
        QVERIFY(loaded.wait());
        QCOMPARE(page()->model()->sharePointConnections().size(), 0);
        QTRY_COMPARE(readSecretBlocking(m_secrets, connection.secretRef).error().code(), ErrorCode::SecretNotFound);
    }
};

QTEST_MAIN(TestConnections)
#include "tst_connections.moc"
