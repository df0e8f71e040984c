#pragma once

#include "common/result.h"
#include "drift/driftclassifier.h"
#include "model/catalog.h"
#include "sync/push/planner.h"

#include <functional>
#include <memory>

class QObject;
class QThread;

namespace SyncBridge {

class DriftReferences;
class SourceReader;

// Why a drift check (or its reading of the table) ended early.
Error driftCancelled();

// Every row of a table in key order, with no cursor: what a full re-sync would compare. `cancelled`
// is asked before each page (it ends the reading with a Cancelled error).
Result<void> forEachTableRow(SourceReader &source, const TableInfo &table, const QStringList &keyColumns,
    const std::function<bool()> &cancelled, const std::function<void(const SourceRow &)> &visit);

// The table's side of a drift check, on a thread of its own while the check's thread reads the
// lists: every row read (forEachTableRow), planned as a push would and handed over as digests a
// page at a time (LOOKUP and PERSON references answered by `references`, which may be null without
// such mappings). Only reads: the session is the check's, and no row is written. At most a few
// pages wait on the check's thread, so a table read faster than the check takes it never piles up.
class DriftTableReader
{
public:
    struct Page {
        QList<DigestedRow> rows;
        qint64 rowsRead = 0; // failed plans included
        qint64 unplannedRows = 0;
    };
    using RowsRead = std::function<void(const Page &page)>;
    using Finished = std::function<void(const Result<void> &read)>;

    DriftTableReader(
        std::unique_ptr<SourceReader> source, TableInfo table, PlanContext context, std::shared_ptr<const DriftReferences> references);
    // Stops the reading and waits for its thread (a page at most); no callback comes after.
    ~DriftTableReader();

    // Both run on `receiver`'s thread (which outlives the reader); `finished` once, last.
    void start(QObject *receiver, RowsRead rowsRead, Finished finished);
    // Ends the reading soon: `finished` follows with a Cancelled error.
    void cancel();

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<QThread> m_thread;
};

} // namespace SyncBridge
