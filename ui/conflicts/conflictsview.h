#pragma once

#include "appcontext.h"

#include "model/conflict.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace SyncBridge {

class ConflictComparison;
class ConflictList;

// The conflict queue of one definition: the pending conflicts grouped by row, the chosen one's
// values side by side, and the decisions (database, SharePoint, an edited value) for one, the
// chosen, a row or all. The store records decisions; the definition's next run writes them to both
// sides, so until then a decision can be changed. Applied ones are kept as history.
class ConflictsView : public QWidget
{
    Q_OBJECT

public:
    enum class Shown { Pending, History };

    explicit ConflictsView(AppContext context, QWidget *parent = nullptr);

    void showDefinition(qint64 definitionId);
    qint64 definitionId() const { return m_definitionId; }
    void setShown(Shown shown);
    Shown shown() const;
    void reload();

    ConflictList *list() const { return m_list; }
    ConflictComparison *comparison() const { return m_comparison; }
    QPushButton *useDatabaseButton() const { return m_useDatabase; }
    QPushButton *useSharePointButton() const { return m_useSharePoint; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *runNowButton() const { return m_runNow; }
    bool isEmptyStateShown() const;
    QString message() const;

    // The decisions, on the chosen conflicts (what the buttons do).
    void useDatabase();
    void useSharePoint();
    void editValue();

signals:
    // A reload finished and the list shows what the store holds.
    void loaded();
    // Decisions were recorded: open counts elsewhere are out of date.
    void decided(qint64 definitionId);
    void runNowRequested(qint64 definitionId);

private:
    void decide(const QList<SyncConflict> &conflicts, ConflictResolution resolution, std::function<QJsonValue(const SyncConflict &)> value);
    void updateActions();
    void showCurrent();
    void showMessage(const QString &text);

    AppContext m_context;
    qint64 m_definitionId = 0;
    int m_loadGeneration = 0; // a reload's answer that a newer one overtook is dropped
    QComboBox *m_filter;
    QStackedWidget *m_stack;
    QLabel *m_emptyText;
    ConflictList *m_list;
    ConflictComparison *m_comparison;
    QLabel *m_scope;
    QPushButton *m_useDatabase;
    QPushButton *m_useSharePoint;
    QPushButton *m_edit;
    QPushButton *m_chooseAll;
    QLabel *m_applyNote;
    QPushButton *m_runNow;
    QLabel *m_message;
};

} // namespace SyncBridge
