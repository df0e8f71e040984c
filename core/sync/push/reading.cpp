// PushRun, steps Pushing and Planning: which rows a run reads, and which position it may save.
//
// UPDATED_AT reads in passes. Rows whose cursor is NULL are read by key every run (a NULL is never a
// position). Then, from the stored position, the rows before the change horizon — the start of the
// oldest transaction still open, less the look-back floor — are settled: every transaction that could
// add one has ended, so their positions are saved as read. Rows from the horizon on are delivered too,
// but the saved position stays at the horizon, so a transaction that commits late is read next run.
// Dry runs and backfills read every row and save nothing; FULL_SCAN reads by key with its scan mark.
#include "sync/push/pushrun.h"
#include "sync/push/rowbatch.h"

#include "source/sourcereader.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"

#include <QCoreApplication>

namespace SyncBridge {

Result<void> PushRun::startReading()
{
    m_query = ChangeQuery{};
    m_query.schema = m_table.schema;
    m_query.table = m_table.name;
    m_query.columns = m_table.columns;
    m_query.keyColumns = m_context.keyColumns;
    m_query.pageSize = m_options.pageSize;
    m_pass = 0;
    m_lastRead.reset();
    if (tracksCursor()) {
        auto stored = LedgerRepository(*m_store).cursor(m_definitionId, QStringLiteral("push"));
        if (!stored)
            return stored.error();
        m_stored = *stored;
    }

    if (m_definition.cursorStrategy == CursorStrategy::FullScan) {
        m_passes = {ReadPass::Everything};
        if (tracksCursor()) {
            // The position holds the scan's mark, so a scan a later run resumes keeps it.
            if (m_stored && !m_stored->lastKey.isEmpty())
                m_scanMark = m_stored->position.toLongLong();
            if (m_scanMark == 0)
                m_scanMark = m_clock.nowUtc().toMSecsSinceEpoch();
        }
        return success();
    }

    m_query.cursorColumn = m_definition.cursorColumn;
    const auto column = std::find_if(
        m_table.columns.cbegin(), m_table.columns.cend(), [&](const ColumnInfo &c) { return c.name == m_definition.cursorColumn; });
    if (column == m_table.columns.cend())
        return Error(ErrorCode::NotFound,
            QCoreApplication::translate("SyncBridge::Sync", "The cursor column '%1' is not in %2.")
                .arg(m_definition.cursorColumn, m_table.qualifiedName()));
    m_passes.clear();
    if (column->nullable)
        m_passes << ReadPass::NullCursors;
    if (!tracksCursor()) {
        m_passes << ReadPass::Everything;
        return success();
    }
    auto horizon = m_source->changeHorizon(*column, m_options.lookBackSeconds);
    if (!horizon)
        return horizon.error();
    if (horizon->otherSessionsHidden)
        event(EventSeverity::Warning, QStringLiteral("sessions-hidden"),
            QCoreApplication::translate("SyncBridge::Sync",
                "The database role cannot see other sessions' transactions, so a transaction that commits "
                "more than %n second(s) late may be missed. Grant it pg_read_all_stats.",
                nullptr, m_options.lookBackSeconds));
    if (!horizon->position) {
        event(EventSeverity::Warning, QStringLiteral("late-commits-unbounded"),
            QCoreApplication::translate("SyncBridge::Sync",
                "The cursor column '%1' is not a timestamp or a date: a transaction that commits late can "
                "be missed. Use a timestamp column, or FULL_SCAN.")
                .arg(m_definition.cursorColumn));
        m_passes << ReadPass::Everything;
        return success();
    }
    m_horizon = horizon->position;
    m_passes << ReadPass::Settled << ReadPass::Unsettled;
    return success();
}

void PushRun::applyStoredPosition(ChangeQuery &query) const
{
    if (!m_stored || m_stored->position.isEmpty())
        return; // nothing stored yet, or a NULL an earlier version stored: from the start
    if (m_stored->lastKey.isEmpty())
        query.fromCursor = m_stored->position; // a horizon: from there on, inclusive
    else {
        query.afterCursor = m_stored->position;
        query.afterKey = m_stored->lastKey;
    }
}

ChangeQuery PushRun::nextQuery() const
{
    ChangeQuery query = m_query;
    const ReadPass pass = m_passes.at(m_pass);
    query.nullCursors = pass == ReadPass::NullCursors;
    if (pass == ReadPass::Settled)
        query.beforeCursor = m_horizon;
    if (m_lastRead) {
        query.afterCursor = m_lastRead->cursorValue;
        query.afterKey = m_lastRead->keyValues;
        return query;
    }
    switch (pass) {
    case ReadPass::NullCursors:
        break;
    case ReadPass::Unsettled:
        query.fromCursor = m_horizon;
        break;
    case ReadPass::Settled:
        applyStoredPosition(query);
        break;
    case ReadPass::Everything:
        if (!tracksCursor())
            break;
        if (m_definition.cursorStrategy == CursorStrategy::FullScan) {
            if (m_stored)
                query.afterKey = m_stored->lastKey;
        } else {
            applyStoredPosition(query);
        }
        break;
    }
    return query;
}

std::optional<SyncCursor> PushRun::cursorAfter(const SourceRow &last) const
{
    const ReadPass pass = m_passes.at(m_pass);
    if (!tracksCursor() || pass == ReadPass::NullCursors)
        return std::nullopt;
    SyncCursor cursor;
    cursor.definitionId = m_definitionId;
    cursor.updatedAt = m_clock.nowUtc();
    if (m_definition.cursorStrategy == CursorStrategy::FullScan) {
        cursor.position = QString::number(m_scanMark);
        cursor.lastKey = last.keyValues;
    } else if (pass == ReadPass::Unsettled) {
        cursor.position = *m_horizon; // read again from here next run
    } else {
        cursor.position = last.cursorValue.value_or(QString());
        cursor.lastKey = last.keyValues;
    }
    return cursor;
}

} // namespace SyncBridge
