#pragma once

#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"
#include "model/definitionjson.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;

namespace SyncBridge {

// A definition's general settings: name, source database and table (with its instances), mode,
// conflict policy, key strategy and columns, cursor strategy and column (warning when no index
// starts with it), target strategy, deletes, enabled. Problems show under the field they concern;
// they come from the same validation the JSON import uses, so the form and import agree.
class DefinitionForm : public QWidget
{
    Q_OBJECT

public:
    explicit DefinitionForm(QWidget *parent = nullptr);

    // What the form can offer: databases with their catalogued tables, other definitions' names.
    void setCatalog(const QList<Database> &databases, const QHash<qint64, QList<TableInfo>> &tables);
    void setDefinition(const SyncDefinition &definition, const QStringList &otherNames);
    SyncDefinition definition() const;
    // The parts the other editors design (lists, routing rules, mappings): validated with the rest.
    void setDesign(const QList<SyncTarget> &targets, const ShardingPolicy &sharding, const QList<FieldMapping> &mappings);
    // The schedule's fields (cron, time zone, missed runs, paused) of schedule, validated with the rest.
    void setSchedule(const SyncDefinition &schedule);
    const TableInfo *currentTable() const;

    // Every problem of the form's own checks, also shown under its field.
    QList<ValidationIssue> problems() const { return m_problems; }
    // Problems the editor's semantic check found (sync/definitioncheck.h), shown under their fields too.
    void setCheckProblems(const QList<ValidationIssue> &problems);
    // Off while no definition is shown (an empty Definitions page): the disabled form says nothing.
    void setProblemsShown(bool shown);
    QString cursorWarning() const;
    bool isModified() const { return m_modified; }
    void setModified(bool modified);

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *databaseCombo() const { return m_database; }
    QComboBox *modeCombo() const { return m_mode; }
    QComboBox *tableCombo() const { return m_table; }
    QComboBox *keyStrategyCombo() const { return m_keyStrategy; }
    QListWidget *keyColumnsList() const { return m_keyColumns; }
    QComboBox *cursorStrategyCombo() const { return m_cursorStrategy; }
    QComboBox *cursorColumnCombo() const { return m_cursorColumn; }
    QComboBox *targetStrategyCombo() const { return m_targetStrategy; }
    QLabel *messageFor(const QString &field) const { return m_messages.value(field); }

signals:
    void changed();

private:
    void fillTables();
    void fillColumns();
    void validate();
    void showProblems();
    QLabel *addRow(QFormLayout *form, const QString &label, QWidget *field, const QString &key);
    void showMessage(QLabel *message, const QString &text, const QString &colour);

    SyncDefinition m_original;
    QStringList m_otherNames;
    QList<Database> m_databases;
    QHash<qint64, QList<TableInfo>> m_tables;
    QList<ValidationIssue> m_problems;
    bool m_problemsShown = true;
    QList<ValidationIssue> m_checkProblems;
    bool m_modified = false;
    bool m_filling = false;

    QLineEdit *m_name;
    QLineEdit *m_description;
    QCheckBox *m_enabled;
    QComboBox *m_database;
    QLabel *m_instances;
    QComboBox *m_table;
    QComboBox *m_mode;
    QComboBox *m_conflict;
    QComboBox *m_keyStrategy;
    QListWidget *m_keyColumns;
    QComboBox *m_cursorStrategy;
    QComboBox *m_cursorColumn;
    QComboBox *m_targetStrategy;
    QComboBox *m_deletePolicy;
    QDoubleSpinBox *m_maxShare;
    QHash<QString, QLabel *> m_messages;    // by field key: "name", "source", "key", "cursor", "deletes", …
    QFormLayout *m_form = nullptr;
};

} // namespace SyncBridge
