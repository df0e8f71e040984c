#pragma once

#include "appcontext.h"

#include "model/connection.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace SyncBridge {

class CaCertificateField;
class SharePointCheck;

struct SharePointEdit {
    SharePointConnection connection;
    QString clientSecret;   // null = unchanged
};

// Add or edit a SharePoint (Microsoft Graph) connection. The client secret goes to the keychain.
// Test checks the values as typed before anything is saved (the typed secret, or the stored one
// while the field is left empty): token, site, lists, budget headers — off the GUI thread, and
// Stop ends it.
class SharePointDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SharePointDialog(const SharePointConnection &initial, AppContext context, QWidget *parent = nullptr);

    SharePointEdit edit() const;
    QStringList problems() const;
    QPushButton *testButton() const { return m_test; }
    QListWidget *testResults() const { return m_testResults; }
    CaCertificateField *extraCaField() const { return m_extraCa; }

public slots:
    void test();

signals:
    void testFinished(bool succeeded);

private:
    void validate();

    SharePointConnection m_initial;
    QLineEdit *m_name;
    QLineEdit *m_tenant;
    QLineEdit *m_clientId;
    QLineEdit *m_secret;
    QLineEdit *m_authority;
    QLineEdit *m_graph;
    QSpinBox *m_ruPerMinute;
    CaCertificateField *m_extraCa;
    QLabel *m_problems;
    QPushButton *m_test;
    QListWidget *m_testResults;
    QDialogButtonBox *m_buttons;
    AppContext m_context;
    SharePointCheck *m_check = nullptr; // the test running
};

// https, or http to a loopback host only (the local emulator).
bool isAcceptableServiceUrl(const QString &text);

} // namespace SyncBridge
