#include "connections/connectionspage.h"

#include "common/backgroundtask.h"
#include "common/uisettings.h"
#include "connections/databasedialog.h"
#include "connections/sharepointcheckrunner.h"
#include "connections/sharepointdialog.h"

#include "graph/sharepointcheck.h"
#include "secrets/secretstore.h"
#include "source/probe.h"
#include "store/connectionrepository.h"
#include "store/metastore.h"

#include <QAction>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

struct LoadedConnections {
    Result<QList<Database>> databases;
    Result<QList<SharePointConnection>> sharePoint;
};

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

ConnectionsPage::ConnectionsPage(AppContext context, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
    , m_model(new ConnectionsModel(this))
    , m_tree(new QTreeView(this))
    , m_splitter(new QSplitter(this))
    , m_banner(new QLabel(this))
    , m_detailStack(new QStackedWidget(this))
    , m_emptyState(new QLabel(this))
    , m_details(new QLabel(this))
    , m_testResults(new QListWidget(this))
{
    setObjectName(QStringLiteral("connectionsPage"));
    m_tree->setObjectName(QStringLiteral("connectionsTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->header()->resizeSection(0, 240);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_banner->setObjectName(QStringLiteral("messageBanner"));
    m_banner->setWordWrap(true);
    m_banner->hide();

    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setWordWrap(true);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setText(tr("<h3>No connections yet</h3><p>Add the PostgreSQL database you want to sync from "
                             "(<b>Add database…</b>, Ctrl+N) and the SharePoint tenant to sync to "
                             "(<b>Add SharePoint…</b>, Ctrl+Shift+N).</p>"));
    m_details->setObjectName(QStringLiteral("connectionDetails"));
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResults->setObjectName(QStringLiteral("testResults"));
    m_testResults->setWordWrap(true);
    m_testResults->setSpacing(3);

    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->addWidget(m_details);
    detailLayout->addWidget(new QLabel(tr("Connection test:"), detailPane));
    detailLayout->addWidget(m_testResults, 1);
    m_detailStack->addWidget(m_emptyState);
    m_detailStack->addWidget(detailPane);

    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_detailStack);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->restoreState(UiSettings::connectionsSplitter.value());

    auto *title = new QLabel(tr("<h2>Connections</h2>Where SyncBridge reads from and writes to. Passwords and client "
                                "secrets are kept in the system keychain."),
                             this);
    title->setWordWrap(true);

    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    buildActions();
    toolbar->addActions({m_addDatabase, m_addSharePoint});
    toolbar->addSeparator();
    toolbar->addActions({m_edit, m_delete, m_test});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(toolbar);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &ConnectionsPage::updateDetails);
    connect(m_tree, &QTreeView::doubleClicked, this, &ConnectionsPage::editSelected);
    updateDetails();
    reload();
}

ConnectionsPage::~ConnectionsPage()
{
    UiSettings::connectionsSplitter.setValue(m_splitter->saveState());
}

QString ConnectionsPage::title() const
{
    return tr("Connections");
}

QIcon ConnectionsPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/connections.svg"));
}

void ConnectionsPage::buildActions()
{
    m_addDatabase = new QAction(QIcon(QStringLiteral(":/icons/database.svg")), tr("Add &database…"), this);
    m_addDatabase->setShortcut(QKeySequence::New);
    m_addDatabase->setToolTip(tr("Add a PostgreSQL database with one or more instances (Ctrl+N)"));
    m_addSharePoint = new QAction(QIcon(QStringLiteral(":/icons/sharepoint.svg")), tr("Add &SharePoint…"), this);
    m_addSharePoint->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_addSharePoint->setToolTip(tr("Add a SharePoint (Microsoft Graph) connection (Ctrl+Shift+N)"));
    m_edit = new QAction(QIcon(QStringLiteral(":/icons/edit.svg")), tr("&Edit…"), this);
    m_edit->setShortcut(QKeySequence(Qt::Key_F2));
    m_delete = new QAction(QIcon(QStringLiteral(":/icons/delete.svg")), tr("De&lete"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    m_test = new QAction(QIcon(QStringLiteral(":/icons/test.svg")), tr("&Test connection"), this);
    m_test->setShortcut(QKeySequence(tr("Ctrl+T")));
    // Adding works wherever the focus is while the page is shown (the rail keeps it after a page
    // switch); editing, deleting and testing act on the selection, so only within the page.
    for (QAction *action : {m_addDatabase, m_addSharePoint, m_edit, m_delete, m_test}) {
        action->setShortcutContext(
            action == m_addDatabase || action == m_addSharePoint ? Qt::WindowShortcut : Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    m_tree->addActions({m_edit, m_delete, m_test});
    connect(m_addDatabase, &QAction::triggered, this, &ConnectionsPage::addDatabase);
    connect(m_addSharePoint, &QAction::triggered, this, &ConnectionsPage::addSharePointConnection);
    connect(m_edit, &QAction::triggered, this, &ConnectionsPage::editSelected);
    connect(m_delete, &QAction::triggered, this, &ConnectionsPage::deleteSelected);
    connect(m_test, &QAction::triggered, this, &ConnectionsPage::testSelected);
}

QString ConnectionsPage::message() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

void ConnectionsPage::showMessage(const QString &text, bool isError)
{
    m_banner->setText(text);
    m_banner->setStyleSheet(isError ? QStringLiteral("background: #fdecea; color: #8c1d18; padding: 6px; border-radius: 4px;")
                                    : QStringLiteral("background: #fff4e5; color: #663c00; padding: 6px; border-radius: 4px;"));
    m_banner->setVisible(!text.isEmpty());
}

void ConnectionsPage::reload()
{
    auto store = m_context.store;
    runInBackground(this, m_context.storePool,
                    [store]() {
                        ConnectionRepository repository(*store);
                        return LoadedConnections{repository.databases(), repository.sharePointConnections()};
                    },
                    [this](LoadedConnections result) {
                        if (!result.databases || !result.sharePoint) {
                            showMessage((!result.databases ? result.databases.error() : result.sharePoint.error()).message(), true);
                            emit loaded();
                            return;
                        }
                        m_model->setConnections(*result.databases, *result.sharePoint);
                        m_tree->expandAll();
                        m_tree->resizeColumnToContents(0);
                        if (m_pendingSelectionId > 0) {
                            if (m_pendingSelectionKind == ConnectionsModel::Kind::Database)
                                selectDatabase(m_pendingSelectionId);
                            else
                                selectSharePointConnection(m_pendingSelectionId);
                            m_pendingSelectionId = 0;
                        }
                        updateDetails();
                        emit loaded();
                    });
}

void ConnectionsPage::selectDatabase(qint64 id)
{
    const QModelIndex group = m_model->index(0, 0);
    for (int row = 0; row < m_model->rowCount(group); ++row) {
        const QModelIndex index = m_model->index(row, 0, group);
        if (ConnectionsModel::idOf(index) == id)
            m_tree->setCurrentIndex(index);
    }
}

void ConnectionsPage::selectSharePointConnection(qint64 id)
{
    const QModelIndex group = m_model->index(1, 0);
    for (int row = 0; row < m_model->rowCount(group); ++row) {
        const QModelIndex index = m_model->index(row, 0, group);
        if (ConnectionsModel::idOf(index) == id)
            m_tree->setCurrentIndex(index);
    }
}

const Database *ConnectionsPage::selectedDatabase() const
{
    QModelIndex index = m_tree->currentIndex();
    if (ConnectionsModel::kindOf(index) == ConnectionsModel::Kind::Instance)
        index = index.parent();
    if (ConnectionsModel::kindOf(index) != ConnectionsModel::Kind::Database)
        return nullptr;
    return m_model->database(ConnectionsModel::idOf(index));
}

const SharePointConnection *ConnectionsPage::selectedSharePointConnection() const
{
    const QModelIndex index = m_tree->currentIndex();
    if (ConnectionsModel::kindOf(index) != ConnectionsModel::Kind::SharePoint)
        return nullptr;
    return m_model->sharePointConnection(ConnectionsModel::idOf(index));
}

void ConnectionsPage::updateDetails()
{
    const bool empty = m_model->databases().isEmpty() && m_model->sharePointConnections().isEmpty();
    const Database *database = selectedDatabase();
    const SharePointConnection *sharePoint = selectedSharePointConnection();
    m_detailStack->setCurrentIndex(empty ? 0 : 1);
    m_edit->setEnabled(database || sharePoint);
    m_delete->setEnabled(database || sharePoint);
    m_test->setEnabled((database || sharePoint) && (m_testsRunning == 0 || m_sharePointCheck));
    m_test->setText(m_sharePointCheck ? tr("S&top test") : tr("&Test connection"));
    m_test->setToolTip(sharePoint ? tr("Ask for a token and read the sites and lists of the definitions that use it (Ctrl+T)")
                                  : tr("Connect to every instance and report what answers (Ctrl+T)"));

    if (database) {
        QString html = tr("<h3>%1</h3><p>PostgreSQL database <b>%2</b></p>").arg(escaped(database->name), escaped(database->databaseName));
        if (!database->description.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(escaped(database->description));
        html += tr("<p>%n instance(s), tried in failover order.</p>", nullptr, int(database->instances.size()));
        m_details->setText(html);
    } else if (sharePoint) {
        m_details->setText(tr("<h3>%1</h3><p>Tenant <b>%2</b>, client ID <b>%3</b></p><p>Authority: %4<br>Graph: %5<br>"
                              "Budget: %6 resource units per minute</p><p>Client secret: %7</p>")
                               .arg(escaped(sharePoint->name), escaped(sharePoint->tenantId), escaped(sharePoint->clientId),
                                   escaped(sharePoint->authorityHost), escaped(sharePoint->graphBaseUrl))
                               .arg(sharePoint->ruPerMinute)
                               .arg(escaped(sharePointSecretLocation(m_context, *sharePoint))));
    } else {
        m_details->setText(tr("Select a connection to see its details."));
    }
}

void ConnectionsPage::addDatabase()
{
    openDatabaseDialog(Database{});
}

void ConnectionsPage::addSharePointConnection()
{
    openSharePointDialog(SharePointConnection{});
}

void ConnectionsPage::editSelected()
{
    if (const Database *database = selectedDatabase())
        openDatabaseDialog(*database);
    else if (const SharePointConnection *connection = selectedSharePointConnection())
        openSharePointDialog(*connection);
}

void ConnectionsPage::openDatabaseDialog(const Database &initial)
{
    auto *dialog = new DatabaseDialog(initial, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() { saveDatabase(dialog->edit()); });
    dialog->open();
}

void ConnectionsPage::openSharePointDialog(const SharePointConnection &initial)
{
    auto *dialog = new SharePointDialog(initial, m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() { saveSharePointConnection(dialog->edit()); });
    dialog->open();
}

void ConnectionsPage::writeSecrets(QList<QPair<QString, QString>> secrets, std::function<void(Result<void>)> done)
{
    if (secrets.isEmpty()) {
        done(success());
        return;
    }
    const QPair<QString, QString> next = secrets.takeFirst();
    m_context.secrets->write(next.first, next.second, [this, secrets, done](Result<void> written) {
        if (!written) {
            done(written);
            return;
        }
        writeSecrets(secrets, done);
    });
}

void ConnectionsPage::saveDatabase(DatabaseEdit edit)
{
    QList<QPair<QString, QString>> secrets;
    for (int i = 0; i < edit.database.instances.size(); ++i) {
        const QString password = edit.passwords.value(i);
        if (password.isNull())
            continue;
        DatabaseInstance &instance = edit.database.instances[i];
        if (instance.secretRef.isEmpty())
            instance.secretRef = makeSecretKey(postgresSecretKind);
        secrets.append({instance.secretRef, password});
    }
    storeSecretsThenSave(secrets, [database = edit.database](ConnectionRepository &repository) mutable {
        return repository.saveDatabase(database);
    }, ConnectionsModel::Kind::Database);
}

void ConnectionsPage::saveSharePointConnection(SharePointEdit edit)
{
    QList<QPair<QString, QString>> secrets;
    if (!edit.clientSecret.isNull()) {
        if (edit.connection.secretRef.isEmpty())
            edit.connection.secretRef = makeSecretKey(sharePointSecretKind);
        secrets.append({edit.connection.secretRef, edit.clientSecret});
    }
    storeSecretsThenSave(secrets, [connection = edit.connection](ConnectionRepository &repository) mutable {
        return repository.saveSharePointConnection(connection);
    }, ConnectionsModel::Kind::SharePoint);
}

void ConnectionsPage::storeSecretsThenSave(QList<QPair<QString, QString>> secrets,
                                           std::function<Result<qint64>(ConnectionRepository &)> save, ConnectionsModel::Kind kind)
{
    // Secrets first: a saved connection must never point at a secret that was not stored.
    writeSecrets(std::move(secrets), [this, save = std::move(save), kind](Result<void> written) {
        if (!written) {
            showMessage(written.error().message(), true);
            emit saveFailed(written.error().message());
            return;
        }
        auto store = m_context.store;
        runInBackground(this, m_context.storePool,
                        [store, save]() {
                            ConnectionRepository repository(*store);
                            return save(repository);
                        },
                        [this, kind](Result<qint64> saved) { afterSave(saved, kind); });
    });
}

void ConnectionsPage::afterSave(const Result<qint64> &saved, ConnectionsModel::Kind kind)
{
    if (!saved) {
        const QString text = saved.error().code() == ErrorCode::AlreadyExists
            ? tr("Another connection already has this name; choose a different one.")
            : saved.error().message();
        showMessage(text, true);
        emit saveFailed(text);
        return;
    }
    if (m_context.keychainUnavailable())
        showMessage(tr("The system keychain is unavailable: passwords are kept for this session only and must be entered "
                       "again after a restart. Unlock or start your keyring to store them permanently."),
                    false);
    else
        showMessage({}, false);
    m_pendingSelectionId = *saved;
    m_pendingSelectionKind = kind;
    connect(this, &ConnectionsPage::loaded, this, &ConnectionsPage::saved, Qt::SingleShotConnection);
    reload();
}

void ConnectionsPage::deleteSelected()
{
    const Database *database = selectedDatabase();
    const SharePointConnection *sharePoint = selectedSharePointConnection();
    if (!database && !sharePoint)
        return;
    const QString name = database ? database->name : sharePoint->name;
    QStringList secretRefs;
    if (database) {
        for (const DatabaseInstance &instance : database->instances)
            secretRefs << instance.secretRef;
    } else {
        secretRefs << sharePoint->secretRef;
    }
    secretRefs.removeAll(QString());
    const qint64 id = database ? database->id : sharePoint->id;
    const bool isDatabase = database != nullptr;

    auto *question = new QMessageBox(QMessageBox::Question, tr("Delete connection"),
                                     tr("Delete “%1” and its stored passwords? Sync definitions that use it stop working.").arg(name),
                                     QMessageBox::Yes | QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("deleteQuestion"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, id, isDatabase, secretRefs](int answer) {
        if (answer != QMessageBox::Yes)
            return;
        auto store = m_context.store;
        runInBackground(this, m_context.storePool,
                        [store, id, isDatabase]() {
                            ConnectionRepository repository(*store);
                            return isDatabase ? repository.removeDatabase(id) : repository.removeSharePointConnection(id);
                        },
                        [this, secretRefs](Result<void> removed) {
                            if (!removed) {
                                showMessage(removed.error().message(), true);
                                return;
                            }
                            for (const QString &ref : secretRefs)
                                m_context.secrets->remove(ref, [](Result<void>) {});
                            reload();
                        });
    });
    question->open();
}

void ConnectionsPage::finishInstanceTest(QListWidgetItem *row, bool succeeded, const QString &text, const QString &detail)
{
    row->setIcon(QIcon(succeeded ? QStringLiteral(":/icons/ok.svg") : QStringLiteral(":/icons/error.svg")));
    row->setText(text);
    row->setToolTip(detail);
    row->setData(Qt::UserRole, succeeded);
    if (--m_testsRunning == 0) {
        updateDetails();
        emit testFinished();
    }
}

void ConnectionsPage::testSharePoint(const SharePointConnection &connection)
{
    if (m_sharePointCheck) { // a second Test stops the one running
        m_sharePointCheck->cancel();
        return;
    }
    m_testsRunning = 1;
    updateDetails();
    startSharePointCheck(m_context, connection, {}, this, m_testResults, [this](SharePointCheck *check) {
        m_sharePointCheck = check;
        const auto done = [this, check]() {
            m_sharePointCheck = nullptr;
            if (check)
                check->deleteLater();
            m_testsRunning = 0;
            updateDetails();
            emit testFinished();
        };
        if (!check) {
            done();
            return;
        }
        updateDetails();
        connect(check, &SharePointCheck::finished, this, [this, check, done]() {
            if (check->isCancelled())
                new QListWidgetItem(tr("Test stopped."), m_testResults);
            done();
        });
    });
}

void ConnectionsPage::testSelected()
{
    if (const SharePointConnection *sharePoint = selectedSharePointConnection()) {
        if (m_testsRunning == 0 || m_sharePointCheck)
            testSharePoint(*sharePoint);
        return;
    }
    const Database *selected = selectedDatabase();
    if (!selected || m_testsRunning > 0)
        return;
    const Database database = *selected;
    m_testResults->clear();
    m_testsRunning = int(database.instances.size());
    updateDetails();
    for (const DatabaseInstance &instance : database.instances) {
        auto *row = new QListWidgetItem(QIcon(QStringLiteral(":/icons/pending.svg")),
                                        tr("%1 (%2:%3): connecting…").arg(instance.name, instance.host).arg(instance.port), m_testResults);
        const auto probe = [this, database, instance, row](const QString &password) {
            runInBackground(this, QThreadPool::globalInstance(),
                            [database, instance, password]() {
                                QElapsedTimer timer;
                                timer.start();
                                auto report = probeInstance(database, instance, password);
                                return std::make_pair(report, timer.elapsed());
                            },
                            [this, instance, row](std::pair<Result<ProbeReport>, qint64> outcome) {
                                const auto &[report, elapsed] = outcome;
                                const QString where = QStringLiteral("%1 (%2:%3)").arg(instance.name, instance.host).arg(instance.port);
                                if (report)
                                    finishInstanceTest(row, true, tr("%1: %2, answered in %3 ms").arg(where, report->serverVersion).arg(elapsed), {});
                                else
                                    finishInstanceTest(row, false, tr("%1: %2").arg(where, report.error().message()), report.error().detail());
                            });
        };
        if (instance.secretRef.isEmpty()) {
            probe(QString());
            continue;
        }
        m_context.secrets->read(instance.secretRef, [this, probe, row, instance](Result<QString> password) {
            if (password) {
                probe(*password);
                return;
            }
            finishInstanceTest(row, false, tr("%1: %2").arg(instance.name, password.error().message()), password.error().detail());
        });
    }
}

} // namespace SyncBridge
