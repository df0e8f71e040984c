#include "runs/runsmodel.h"

#include "sync/runtext.h"

#include "common/backgroundtask.h"
#include "runs/runprogressview.h"

#include "store/metastore.h"

#include <QColor>
#include <QLocale>

namespace SyncBridge {

QString runStatusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Running: return RunsModel::tr("Running");
    case RunStatus::Succeeded: return RunsModel::tr("Succeeded");
    case RunStatus::PartiallyFailed: return RunsModel::tr("Partly failed");
    case RunStatus::Failed: return RunsModel::tr("Failed");
    case RunStatus::Cancelled: return RunsModel::tr("Cancelled");
    case RunStatus::Interrupted:
        return RunsModel::tr("Interrupted");
    }
    return {};
}

QString runTypeText(RunType type)
{
    switch (type) {
    case RunType::Push: return RunsModel::tr("Push");
    case RunType::Pull: return RunsModel::tr("Pull");
    case RunType::Cdc: return RunsModel::tr("CDC");
    case RunType::DryRun: return RunsModel::tr("Dry run");
    case RunType::Drift: return RunsModel::tr("Drift check");
    case RunType::Repair:
        return RunsModel::tr("Drift repair");
    case RunType::TwoWay:
        return RunsModel::tr("Two-way");
    }
    return {};
}

QString runTriggerText(RunTrigger trigger)
{
    switch (trigger) {
    case RunTrigger::Manual:
        return RunsModel::tr("Manual");
    case RunTrigger::Scheduled:
        return RunsModel::tr("Scheduled");
    case RunTrigger::CatchUp:
        return RunsModel::tr("Catch-up");
    }
    return {};
}

RunsModel::RunsModel(AppContext context, QObject *parent)
    : QAbstractTableModel(parent)
    , m_context(std::move(context))
{
}

void RunsModel::setDefinitionNames(const QHash<qint64, QString> &names)
{
    m_definitionNames = names;
    if (!m_runs.isEmpty())
        emit dataChanged(index(0, DefinitionColumn), index(int(m_runs.size()) - 1, DefinitionColumn));
}

void RunsModel::setFilter(const RunFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_runs.clear();
    m_total = 0;
    m_fetching = true;
    const int generation = ++m_generation;
    endResetModel();
    RunFilter first = filter;
    first.offset = 0;
    first.limit = pageSize;
    struct Loaded {
        Result<qint64> total;
        Result<QList<SyncRun>> runs;
    };
    runInBackground(
        this, m_context.storePool,
        [store = m_context.store, first]() {
            RunRepository runs(*store);
            return Loaded{runs.countRuns(first), runs.runs(first)};
        },
        [this, generation](Loaded loaded) {
            if (generation != m_generation)
                return;
            m_fetching = false;
            if (!loaded.total || !loaded.runs) {
                emit failed((loaded.total ? loaded.runs.error() : loaded.total.error()).message());
                return;
            }
            if (!loaded.runs->isEmpty()) {
                beginInsertRows({}, 0, int(loaded.runs->size()) - 1);
                m_total = *loaded.total;
                m_runs = *loaded.runs;
                endInsertRows();
            }
            m_total = *loaded.total;
            emit this->loaded();
        });
}

bool RunsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_fetching && m_runs.size() < m_total;
}

void RunsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    RunFilter next = m_filter;
    next.offset = int(m_runs.size());
    next.limit = pageSize;
    const int generation = m_generation;
    runInBackground(
        this, m_context.storePool, [store = m_context.store, next]() { return RunRepository(*store).runs(next); },
        [this, generation](Result<QList<SyncRun>> runs) {
            if (generation != m_generation)
                return;
            m_fetching = false;
            if (!runs) {
                emit failed(runs.error().message());
                return;
            }
            if (runs->isEmpty()) {
                m_total = m_runs.size();   // fewer than counted: runs were removed meanwhile
                return;
            }
            beginInsertRows({}, int(m_runs.size()), int(m_runs.size() + runs->size()) - 1);
            m_runs += *runs;
            endInsertRows();
        });
}

const SyncRun *RunsModel::runAt(int row) const
{
    return row >= 0 && row < m_runs.size() ? &m_runs.at(row) : nullptr;
}

int RunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsModel::data(const QModelIndex &index, int role) const
{
    const SyncRun *run = runAt(index.row());
    if (!run)
        return {};
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case DefinitionColumn: return m_definitionNames.value(run->definitionId, tr("Definition %1").arg(run->definitionId));
        case TypeColumn: return runTypeText(run->type);
        case StatusColumn: return runStatusText(run->status);
        case StartedColumn: return QLocale().toString(run->startedAt.toLocalTime(), QLocale::ShortFormat);
        case DurationColumn:
            return run->finishedAt.isValid() ? humanDuration(qMax<qint64>(0, run->startedAt.secsTo(run->finishedAt))) : tr("running");
        case ProcessedColumn: return QLocale().toString(run->counters.rowsRead);
        case FailedColumn: return QLocale().toString(run->counters.failed);
        case TriggerColumn:
            return runTriggerText(run->trigger);
        case AgentColumn:
            return run->agentName;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        switch (run->status) {
        case RunStatus::Interrupted:
        case RunStatus::Failed: return QColor(0xc6, 0x28, 0x28);
        case RunStatus::PartiallyFailed: return QColor(0xb2, 0x6a, 0x00);
        case RunStatus::Succeeded: return QColor(0x2e, 0x7d, 0x32);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole)
        return runMessageText(*run);
    if (role == Qt::TextAlignmentRole && (index.column() == ProcessedColumn || index.column() == FailedColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DefinitionColumn: return tr("Definition");
    case TypeColumn: return tr("Type");
    case StatusColumn: return tr("Status");
    case StartedColumn: return tr("Started");
    case DurationColumn: return tr("Duration");
    case ProcessedColumn: return tr("Processed");
    case FailedColumn: return tr("Failed");
    case TriggerColumn:
        return tr("Trigger");
    case AgentColumn:
        return tr("Agent");
    }
    return {};
}

} // namespace SyncBridge
