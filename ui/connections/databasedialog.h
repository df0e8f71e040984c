#pragma once

#include "model/connection.h"

#include <QDialog>
#include <QSet>

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

// Add or edit a PostgreSQL database connection with its instances. A field's problems are listed
// under the form once it was left (a grid cell once its edit is committed) or Save was pressed —
// never before the user typed; Save with problems lists them all and keeps the dialog open.
class DatabaseDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DatabaseDialog(const Database &initial, QWidget *parent = nullptr);

    DatabaseEdit edit() const;
    QStringList problems() const;
    InstanceTable *instanceTable() const { return m_instances; }

private:
    enum class Field { Name, DatabaseName, Instances };
    struct Problem {
        Field field;
        QString text;
    };
    QList<Problem> collectProblems() const;
    void validate();
    void save();

    Database m_initial;
    QLineEdit *m_name;
    QLineEdit *m_databaseName;
    QLineEdit *m_description;
    InstanceTable *m_instances;
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
    QSet<int> m_touched; // fields (Field) the user left: their problems are shown
    bool m_saveTried = false;
};

} // namespace SyncBridge
