#pragma once

#include "appcontext.h"

#include "model/runtime.h"
#include "store/runrepository.h"

#include <QAbstractTableModel>
#include <QHash>

namespace SyncBridge {

// Run history, newest first, fetched lazily a page at a time from the store's thread: a view
// shows the first page as soon as it arrives, however many runs there are.
class RunsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        DefinitionColumn,
        TypeColumn,
        StatusColumn,
        StartedColumn,
        DurationColumn,
        ProcessedColumn,
        FailedColumn,
        TriggerColumn, // Manual, Scheduled or Catch-up
        AgentColumn,   // the agent (or GUI host) that ran it
        ColumnCount
    };
    static constexpr int pageSize = 200;

    explicit RunsModel(AppContext context, QObject *parent = nullptr);

    // Starts over with another filter: the count and the first page load in the background.
    void setFilter(const RunFilter &filter);
    const RunFilter &filter() const { return m_filter; }
    void setDefinitionNames(const QHash<qint64, QString> &names);
    const SyncRun *runAt(int row) const;
    qint64 totalRuns() const { return m_total; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void loaded();                      // the count and the first page of a (re)load arrived
    void failed(const QString &message);

private:
    AppContext m_context;
    RunFilter m_filter;
    QList<SyncRun> m_runs;
    QHash<qint64, QString> m_definitionNames;
    qint64 m_total = 0;
    bool m_fetching = false;
    int m_generation = 0;               // answers for an older filter are dropped
};

QString runStatusText(RunStatus status);
QString runTypeText(RunType type);
QString runTriggerText(RunTrigger trigger);

} // namespace SyncBridge
