// The Connections page driven through its widgets, against a real PostgreSQL and a real SQLite
// meta-store; secrets go to an in-memory store standing in for the keychain.
#include "emulatorprocess.h"
#include "postgresfixture.h"
#include "testca.h"
#include "testpaths.h"

#include "appservices.h"
#include "connections/cacertificatefield.h"
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
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace SyncBridge;

class TestConnections : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::PostgresFixture m_postgres;
    Test::EmulatorProcess m_emulator;
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
        QString error;
        QVERIFY2(m_emulator.start({}, &error), qPrintable(error));
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
        QCOMPARE(m_window->navigationRail()->count(),
            7); // only pages that exist: Overview, Connections, Catalog, Definitions, Runs, Conflicts, Settings
        QCOMPARE(m_window->navigationRail()->item(1)->text(), QStringLiteral("Connections"));
        auto *empty = page()->findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("No connections yet")));
        m_window->grab().save(QDir(Test::artifactDirectory()).filePath(QStringLiteral("connections-empty.png")));
    }

    void addShortcutsWorkRightAfterSwitchingPages()
    {
        // Pages switched with the rail keep the focus on the rail: Ctrl+N and Ctrl+Shift+N must
        // still add (they used to work only once a widget of the page had the focus).
        QListWidget *rail = m_window->navigationRail();
        for (const auto &[modifiers, isDatabase] :
            {std::pair<Qt::KeyboardModifiers, bool>{Qt::ControlModifier, true}, {Qt::ControlModifier | Qt::ShiftModifier, false}}) {
            m_window->activateWindow(); // again after the dialog before closed
            QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
            rail->setCurrentRow(0);
            rail->setCurrentRow(1);
            rail->setFocus();
            QTest::keyClick(rail, Qt::Key_N, modifiers);
            QDialog *dialog = isDatabase ? static_cast<QDialog *>(openedDialog<DatabaseDialog>()) : openedDialog<SharePointDialog>();
            QVERIFY2(dialog, isDatabase ? "Ctrl+N opened no database dialog" : "Ctrl+Shift+N opened no SharePoint dialog");
            dialog->reject();
            QTRY_VERIFY(!page()->findChild<QDialog *>());
        }
    }

    void instanceGridIsReadableAndComplainsOnlyAfterEditing()
    {
        // In German, at the dialog's default size: Port, User, Role and Priority show their title
        // and their content (main showed "5‹", "po…", "P"); priorities count from 1.
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(SYNCBRIDGE_GERMAN_QM)));
        QCoreApplication::installTranslator(&german);
        auto *dialog = new DatabaseDialog(Database{}, m_window.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        InstanceTable *instances = dialog->instanceTable();
        instances->addInstance();
        auto *table = instances->findChild<QTableWidget *>(QStringLiteral("instanceTable"));
        const QHeaderView *header = table->horizontalHeader();
        const int margins = 2 * table->style()->pixelMetric(QStyle::PM_HeaderMargin);
        for (const int column : {int(InstanceTable::PortColumn), int(InstanceTable::UserColumn), int(InstanceTable::RoleColumn),
                 int(InstanceTable::PriorityColumn)}) {
            const QString title = table->horizontalHeaderItem(column)->text();
            QVERIFY2(header->fontMetrics().horizontalAdvance(title) + margins <= header->sectionSize(column),
                qPrintable(QStringLiteral("%1: %2 px").arg(title).arg(header->sectionSize(column))));
            for (int row = 0; row < table->rowCount(); ++row) {
                const int wanted = table->cellWidget(row, column)
                    ? table->cellWidget(row, column)->sizeHint().width()
                    : table->fontMetrics().horizontalAdvance(table->item(row, column)->text());
                QVERIFY2(wanted <= header->sectionSize(column),
                    qPrintable(QStringLiteral("%1: %2 of %3 px").arg(title).arg(wanted).arg(header->sectionSize(column))));
            }
        }
        QCOMPARE(qobject_cast<QSpinBox *>(table->cellWidget(0, InstanceTable::PriorityColumn))->value(), 1);
        QCOMPARE(qobject_cast<QSpinBox *>(table->cellWidget(1, InstanceTable::PriorityColumn))->value(), 2);
        QCOMPARE(instances->instances().at(0).priority, 0); // stored as before: lower first
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("problemsLabel"))->isHidden());
        QVERIFY(dialog->grab().save(QDir(Test::artifactDirectory()).filePath(QStringLiteral("instance-grid.png"))));
        dialog->reject();
        QCoreApplication::removeTranslator(&german);
    }

    void addDatabaseWithTwoInstances()
    {
        page()->addDatabase();
        auto *dialog = openedDialog<DatabaseDialog>();
        QVERIFY(dialog);
        auto *problems = dialog->findChild<QLabel *>(QStringLiteral("problemsLabel"));
        QVERIFY(problems->isHidden());                         // nothing typed yet: nothing to complain about
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton); // Save says what is missing and keeps the dialog open
        QVERIFY(dialog->isVisible());
        QVERIFY(problems->isVisible());
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
        instances->setCellText(1, InstanceTable::NameColumn, QStringLiteral("standby"));
        instances->setCellText(1, InstanceTable::HostColumn, QStringLiteral("127.0.0.1"));
        instances->setCellText(1, InstanceTable::PortColumn, QString::number(Test::PostgresFixture::freeLoopbackPort()));
        instances->setCellText(1, InstanceTable::RoleColumn, QStringLiteral("Standby"));
        instances->setCellText(1, InstanceTable::PasswordColumn, QStringLiteral("standby-pw"));
        QVERIFY(problems->isHidden());

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

    void extraCaCertificateIsCheckedShownAndKept()
    {
        // A PEM file with no certificate is refused by name and blocks Save; a CA file shows its
        // subject and expiry and its PEM text is what the connection keeps; Clear goes back to the
        // system's CAs only.
        Test::TestCertificateAuthority ca;
        QString error;
        QVERIFY2(ca.create(&error), qPrintable(error));
        SharePointDialog dialog(SharePointConnection{}, AppContext{});
        dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Behind the proxy"));
        dialog.findChild<QLineEdit *>(QStringLiteral("tenantEdit"))->setText(QStringLiteral("contoso.onmicrosoft.com"));
        dialog.findChild<QLineEdit *>(QStringLiteral("clientIdEdit"))->setText(QStringLiteral("535fb089-9ff3-47b6-9bfb-4f1264799865"));
        CaCertificateField *field = dialog.extraCaField();
        auto *summary = field->findChild<QLabel *>(QStringLiteral("caSummaryLabel"));
        QVERIFY(summary->text().contains(QStringLiteral("system's certificate authorities only")));
        QVERIFY(saveButton(&dialog)->isEnabled());

        const QString junk = m_dir.filePath(QStringLiteral("not-a-certificate.pem"));
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("hello\n") > 0);
        file.close();
        field->loadFile(junk);
        QVERIFY(!saveButton(&dialog)->isEnabled());
        QVERIFY2(dialog.findChild<QLabel *>(QStringLiteral("problemsLabel"))->text().contains(QStringLiteral("No certificate was found")),
            qPrintable(dialog.findChild<QLabel *>(QStringLiteral("problemsLabel"))->text()));
        QVERIFY(dialog.edit().connection.extraCaCertificates.isEmpty());

        field->loadFile(ca.caCertificateFile());
        QVERIFY(saveButton(&dialog)->isEnabled());
        QVERIFY2(summary->text().startsWith(QStringLiteral("SyncBridge Test CA (expires ")), qPrintable(summary->text()));
        QCOMPARE(dialog.edit().connection.extraCaCertificates.toLatin1(), ca.caPem());

        QTest::mouseClick(field->findChild<QPushButton *>(QStringLiteral("caClearButton")), Qt::LeftButton);
        QVERIFY(dialog.edit().connection.extraCaCertificates.isEmpty());
        QVERIFY(summary->text().contains(QStringLiteral("system's certificate authorities only")));
    }

    // Fills the SharePoint dialog with the emulator's app and the given secret.
    void typeEmulatorConnection(SharePointDialog *dialog, const QString &name, const QString &secret)
    {
        const SharePointConnection emulator = m_emulator.sharePointConnection();
        dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(name);
        dialog->findChild<QLineEdit *>(QStringLiteral("tenantEdit"))->setText(emulator.tenantId);
        dialog->findChild<QLineEdit *>(QStringLiteral("clientIdEdit"))->setText(emulator.clientId);
        dialog->findChild<QLineEdit *>(QStringLiteral("secretEdit"))->setText(secret);
        dialog->findChild<QLineEdit *>(QStringLiteral("authorityEdit"))->setText(emulator.authorityHost);
        dialog->findChild<QLineEdit *>(QStringLiteral("graphEdit"))->setText(emulator.graphBaseUrl);
    }

    static QStringList lines(const QListWidget *results)
    {
        QStringList texts;
        for (int i = 0; i < results->count(); ++i)
            texts << results->item(i)->text();
        return texts;
    }

    void sharePointTestBeforeSaving()
    {
        // The values as typed, nothing saved: the emulator grants a token, Graph answers, the budget is reported.
        page()->addSharePointConnection();
        auto *dialog = openedDialog<SharePointDialog>();
        QVERIFY(dialog);
        typeEmulatorConnection(dialog, QStringLiteral("Emulator, typed"), QStringLiteral("demo-secret"));
        QSignalSpy tested(dialog, &SharePointDialog::testFinished);
        QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
        QVERIFY(tested.wait(30000));
        QVERIFY2(tested.constFirst().at(0).toBool(), qPrintable(lines(dialog->testResults()).join('\n')));
        const QStringList ok = lines(dialog->testResults());
        QCOMPARE(ok.size(), 4); // secret, token, Graph (no definition uses it yet), budget
        for (const QString &line : ok)
            QVERIFY2(line.startsWith(QStringLiteral("✓ ")), qPrintable(line));
        QVERIFY(ok.at(0).contains(QStringLiteral("typed here")));
        QVERIFY(ok.at(1).startsWith(QStringLiteral("✓ token: requested from ")) && ok.at(1).contains(QStringLiteral("accepted")));
        QVERIFY(ok.at(2).contains(QStringLiteral("root site answers")));
        QVERIFY(ok.at(3).contains(QStringLiteral("budget:")));
        QVERIFY(dialog->grab().save(QDir(Test::artifactDirectory()).filePath(QStringLiteral("sharepoint-test.png"))));

        // a wrong secret: the token line fails and says what to do; Graph is not asked
        dialog->findChild<QLineEdit *>(QStringLiteral("secretEdit"))->setText(QStringLiteral("not-the-secret"));
        tested.clear();
        QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
        QVERIFY(tested.wait(30000));
        QVERIFY(!tested.constFirst().at(0).toBool());
        const QStringList refused = lines(dialog->testResults());
        QCOMPARE(refused.size(), 2);
        QVERIFY2(refused.at(1).startsWith(QStringLiteral("✗ token: requested from ")) && refused.at(1).contains(QStringLiteral("refused")),
            qPrintable(refused.at(1)));
        QVERIFY2(refused.at(1).contains(QStringLiteral("What to do: Check the tenant, the client ID and the client secret")),
            qPrintable(refused.at(1)));
        QVERIFY(dialog->grab().save(QDir(Test::artifactDirectory()).filePath(QStringLiteral("sharepoint-test-wrong-secret.png"))));
        dialog->reject();
        QVERIFY(!ConnectionRepository(*m_store).sharePointConnectionByName(QStringLiteral("Emulator, typed")).ok()); // nothing saved
    }

    void sharePointTestOfASavedConnection()
    {
        // Saved with its secret in the store's backend: the page says where the secret is and tests it.
        SharePointConnection saved = m_emulator.sharePointConnection(QStringLiteral("Emulator"), QStringLiteral("sharepoint/emulator"));
        QVERIFY(writeSecretBlocking(m_secrets, saved.secretRef, QStringLiteral("demo-secret")).ok());
        QVERIFY(ConnectionRepository(*m_store).saveSharePointConnection(saved).ok());
        QSignalSpy loaded(page(), &ConnectionsPage::loaded);
        page()->reload();
        QVERIFY(loaded.wait());
        page()->selectSharePointConnection(saved.id);
        QVERIFY2(page()->findChild<QLabel *>(QStringLiteral("connectionDetails"))->text().contains(m_secrets.backendName()),
            qPrintable(page()->findChild<QLabel *>(QStringLiteral("connectionDetails"))->text()));
        QSignalSpy finished(page(), &ConnectionsPage::testFinished);
        page()->testSelected();
        QVERIFY(finished.wait(30000));
        const QStringList found = lines(page()->testResults());
        QCOMPARE(found.size(), 4);
        for (const QString &line : found)
            QVERIFY2(line.startsWith(QStringLiteral("✓ ")), qPrintable(line));
        QVERIFY(ConnectionRepository(*m_store).removeSharePointConnection(saved.id).ok());
        page()->reload();
        QVERIFY(loaded.wait());
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
