#pragma once

#include "common/result.h"
#include "definitions/listpicker.h"
#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"
#include "sync/routepreview.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTableWidget;
class QTimer;

namespace SyncBridge {

class ConditionBuilder;

// Where rows go: the definition's SharePoint lists, an ordered list of rules (the first whose
// condition matches a row decides its list; drag to reorder, or Ctrl+Up/Down), each edited in a
// condition builder beside its text form, a default list for the rest, and a live count of the
// source rows each list would receive, counted by PostgreSQL from the rules compiled to SQL.
class ShardingDesigner : public QWidget
{
    Q_OBJECT

public:
    explicit ShardingDesigner(QWidget *parent = nullptr);

    // What targets can point at: SharePoint connections, known site paths and the catalogued lists.
    void setChoices(const QList<SharePointConnection> &connections, const QStringList &sites, const QList<ListChoice> &lists);
    // Points a row's List cell at a list (one just provisioned).
    void setList(int row, const QString &name, const QString &graphId);
    // Typed condition text not yet applied goes into the selected rule now.
    void applyPendingEdits();
    void setTable(const TableInfo &table);
    void setDesign(TargetStrategy strategy, const QList<SyncTarget> &targets, const ShardingPolicy &sharding);
    void setStrategy(TargetStrategy strategy);
    QList<SyncTarget> targets() const;
    ShardingPolicy sharding() const;

    // The counts for the current design, or why they cannot be counted.
    void setPreview(const Result<RoutePreview> &preview, qint64 elapsedMs);
    void setPreviewPending(const QString &why);

    QTableWidget *targetsTable() const { return m_targets; }
    QListWidget *rulesList() const { return m_rules; }
    ConditionBuilder *conditionBuilder() const { return m_builder; }
    QComboBox *ruleTargetCombo() const { return m_ruleTarget; }
    QComboBox *defaultCombo() const { return m_default; }
    // The List cell's picker of a row: catalogued lists, then "Provision a new list…".
    ListPicker *listPicker(int row) const;
    QWidget *rulesBox() const { return m_rulesBox; }
    QWidget *ruleEditor() const { return m_ruleEditor; }
    QTableWidget *previewTable() const { return m_preview; }
    QLabel *previewStatus() const { return m_previewStatus; }

public slots:
    void addTarget();
    void removeTarget();
    void addRule();
    void removeRule();
    void moveRule(int delta);

signals:
    void changed();
    // The design changed and settled: count again.
    void previewWanted();
    // "Provision a new list…" was chosen in a row's List cell.
    void provisionListRequested(int row);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildTargetsBox();
    QWidget *buildRules();          // the rules box; also makes the selected rule's editor
    QWidget *buildPreviewBox();
    void designChanged();
    void refreshTargetChoices();
    void showRule(int row);
    void onCurrentRuleChanged(QListWidgetItem *current, QListWidgetItem *previous);
    void fillListPicker(int row);
    void storeRule();
    void renumberRules();
    void addTargetRow(const SyncTarget &target);

    QList<SharePointConnection> m_connections;
    QStringList m_sites;
    QList<ListChoice> m_lists;
    TargetStrategy m_strategy = TargetStrategy::Single;
    bool m_filling = false;

    QTableWidget *m_targets;
    QListWidget *m_rules;
    ConditionBuilder *m_builder;
    QComboBox *m_ruleTarget;
    QComboBox *m_default;
    QTableWidget *m_preview;
    QLabel *m_previewStatus;
    QLabel *m_strategyNote;
    QWidget *m_rulesBox;
    QWidget *m_ruleEditor = nullptr;   // made by buildRules()
    QPushButton *m_removeTarget;
    QPushButton *m_removeRule;
    QTimer *m_previewTimer;
};

} // namespace SyncBridge
