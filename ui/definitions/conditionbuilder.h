#pragma once

#include "model/catalog.h"
#include "sync/condition.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace SyncBridge {

// One sharding condition, two ways at once: a builder (groups of "all of"/"any of" holding
// column–operator–value rows) and the text form beside it. Editing either rewrites the other; text
// that does not parse keeps the builder as it was and says where the text goes wrong.
// Typed text is applied when typing pauses or the text box loses focus, and the builder is rebuilt
// from it only once the text box has lost focus: rebuilding under the typist's hands would replace
// the widgets around the text box while keys still arrive.
class ConditionBuilder : public QWidget
{
    Q_OBJECT

public:
    explicit ConditionBuilder(QWidget *parent = nullptr);

    void setColumns(const QList<ColumnInfo> &columns);
    void setText(const QString &text);
    QString text() const;
    // Typed text not yet applied (typing has not paused and the text box still has focus).
    bool hasPendingText() const { return m_pending; }
    // Applies typed text now (Save, switching rules); the builder follows once the text box has lost focus.
    void applyPendingText();
    // The parse error ("Condition at 17: expected a value"), empty when the text is valid.
    QString error() const { return m_error; }

    QLineEdit *textEdit() const { return m_text; }
    QLabel *errorLabel() const { return m_errorLabel; }
    QTreeWidget *tree() const { return m_tree; }

public slots:
    // Adds a row (or an "all of" group) under the selected group, or beside the selected row.
    QTreeWidgetItem *addComparison(const QString &column = {}, const QString &op = QStringLiteral("=="), const QString &value = {});
    QTreeWidgetItem *addGroup(bool any = false);
    void removeSelected();

signals:
    void conditionChanged(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onTextEdited();
    void rebuildFromText();
    void showError(const QString &error);
    void rebuildTree(const Condition &condition);
    void addNode(QTreeWidgetItem *parent, const Condition &condition);
    QTreeWidgetItem *groupItem(QTreeWidgetItem *parent, bool any);
    QTreeWidgetItem *comparisonItem(QTreeWidgetItem *parent, const QString &column, const QString &op, const QString &value);
    QTreeWidgetItem *targetGroup() const;
    std::optional<Condition> conditionOf(QTreeWidgetItem *item) const;
    QJsonValue typedValue(const QString &column, const QString &text) const;
    void treeEdited();

    QList<ColumnInfo> m_columns;
    QLineEdit *m_text;
    QLabel *m_errorLabel;
    QTreeWidget *m_tree;
    QPushButton *m_addComparison;
    QPushButton *m_addGroup;
    QPushButton *m_remove;
    QTimer *m_pause;
    QString m_error;
    bool m_rebuilding = false;
    bool m_pending = false;   // typed, not yet applied
    bool m_treeStale = false; // applied text the builder does not show yet
};

} // namespace SyncBridge
