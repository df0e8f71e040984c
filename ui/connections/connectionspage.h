#pragma once

#include "appcontext.h"
#include "connections/connectionsmodel.h"
#include "navigationpage.h"

#include "common/result.h"

#include <functional>

#include <QWidget>

class QAction;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QSplitter;
class QStackedWidget;
class QTreeView;

namespace SyncBridge {

class ConnectionRepository;
class SharePointCheck;
struct DatabaseEdit;
struct SharePointEdit;

// Databases (with their instances) and SharePoint connections: add, edit, delete, test.
// Every store, keychain and database call runs off the GUI thread and reports back.
class ConnectionsPage : public QWidget, public NavigationPage
{
    Q_OBJECT

public:
    explicit ConnectionsPage(AppContext context, QWidget *parent = nullptr);
    ~ConnectionsPage() override;

    QString title() const override;
    QIcon icon() const override;
    QWidget *widget() override { return this; }

    ConnectionsModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QListWidget *testResults() const { return m_testResults; }
    QString message() const;

    // Selects the row of a database (or SharePoint connection) by id.
    void selectDatabase(qint64 id);
    void selectSharePointConnection(qint64 id);

public slots:
    void reload();
    void addDatabase();
    void addSharePointConnection();
    void editSelected();
    void deleteSelected();
    void testSelected();

signals:
    void loaded();
    void saved();
    void saveFailed(const QString &message);
    void testFinished();

private:
    void buildActions();
    void updateDetails();
    void showMessage(const QString &text, bool isError);
    void openDatabaseDialog(const Database &initial);
    void openSharePointDialog(const SharePointConnection &initial);
    void saveDatabase(DatabaseEdit edit);
    void saveSharePointConnection(SharePointEdit edit);
    void writeSecrets(QList<QPair<QString, QString>> secrets, std::function<void(Result<void>)> done);
    void storeSecretsThenSave(QList<QPair<QString, QString>> secrets, std::function<Result<qint64>(ConnectionRepository &)> save,
                              ConnectionsModel::Kind kind);
    void testSharePoint(const SharePointConnection &connection);
    void finishInstanceTest(QListWidgetItem *row, bool succeeded, const QString &text, const QString &detail);
    void afterSave(const Result<qint64> &saved, ConnectionsModel::Kind kind);
    const Database *selectedDatabase() const;
    const SharePointConnection *selectedSharePointConnection() const;

    AppContext m_context;
    ConnectionsModel *m_model;
    QTreeView *m_tree;
    QSplitter *m_splitter;
    QLabel *m_banner;
    QStackedWidget *m_detailStack;
    QLabel *m_emptyState;
    QLabel *m_details;
    QListWidget *m_testResults;
    QAction *m_addDatabase = nullptr;
    QAction *m_addSharePoint = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_test = nullptr;
    qint64 m_pendingSelectionId = 0;
    ConnectionsModel::Kind m_pendingSelectionKind = ConnectionsModel::Kind::Database;
    int m_testsRunning = 0;
    SharePointCheck *m_sharePointCheck = nullptr; // the SharePoint test running
};

} // namespace SyncBridge
