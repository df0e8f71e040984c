#pragma once

#include "model/connection.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace SyncBridge {

struct SharePointEdit {
    SharePointConnection connection;
    QString clientSecret;   // null = unchanged
};

// Add or edit a SharePoint (Microsoft Graph) connection. The client secret goes to the keychain.
class SharePointDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SharePointDialog(const SharePointConnection &initial, QWidget *parent = nullptr);

    SharePointEdit edit() const;
    QStringList problems() const;

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
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
};

// https, or http to a loopback host only (the local emulator).
bool isAcceptableServiceUrl(const QString &text);

} // namespace SyncBridge
