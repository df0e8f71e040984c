#pragma once

#include "common/result.h"
#include "source/rowwrites.h"

#include <pqxx/connection>

#include <functional>

namespace SyncBridge {

// Applies one page of row changes in one transaction. Each write runs in a savepoint of its own, so
// a constraint violation (NOT NULL, unique, foreign key, check) or a value the column refuses fails
// that write with the database's message and the page goes on. `beforeCommit` sees the results
// while the transaction is still open (the engine records them as pending in its ledger first); its
// error rolls everything back. Only a broken connection or a failed commit fails the whole page.
using BeforeRowCommit = std::function<Result<void>(const QList<RowWriteResult> &results)>;
Result<QList<RowWriteResult>> applyRowWrites(pqxx::connection &connection, const RowWriteTable &table, const QList<RowWrite> &writes,
    const BeforeRowCommit &beforeCommit, RowWriteEnd end = RowWriteEnd::Commit);

} // namespace SyncBridge
