#pragma once

#include "model/connection.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace SyncBridge {

class InstanceTable;

// What the dialog produced: the database and, per instance, a new password (null = unchanged).
struct DatabaseEdit {
    Database database;
    QStringList passwords;
};

// Add or edit a PostgreSQL database connection with its instances. OK stays disabled while the
// input is invalid; the problems are listed under the form.
class DatabaseDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DatabaseDialog(const Database &initial, QWidget *parent = nullptr);

    DatabaseEdit edit() const;
    QStringList problems() const;
    InstanceTable *instanceTable() const { return m_instances; }

private:
    void validate();

    Database m_initial;
    QLineEdit *m_name;
    QLineEdit *m_databaseName;
    QLineEdit *m_description;
    InstanceTable *m_instances;
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
};

} // namespace SyncBridge
