#include "drift/drifttablereader.h"

#include "drift/driftreferences.h"
#include "source/sourcereader.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QThread>

#include <atomic>

namespace SyncBridge {
namespace {

constexpr int rowsPerPage = 5000;
// Pages planned and not yet taken by the check: enough to keep both threads busy, few enough that a
// busy check thread holds a few hundred kilobytes of them.
constexpr int pagesInFlight = 4;
constexpr int roomWaitMs = 50;

} // namespace

Error driftCancelled()
{
    return Error(ErrorCode::Cancelled, QCoreApplication::translate("SyncBridge::Drift", "The drift check was cancelled."));
}

Result<void> forEachTableRow(SourceReader &source, const TableInfo &table, const QStringList &keyColumns,
    const std::function<bool()> &cancelled, const std::function<void(const SourceRow &)> &visit)
{
    ChangeQuery query;
    query.schema = table.schema;
    query.table = table.name;
    query.columns = table.columns;
    query.keyColumns = keyColumns;
    query.pageSize = rowsPerPage;
    for (;;) {
        if (cancelled())
            return driftCancelled();
        auto page = source.changes(query);
        if (!page)
            return page.error();
        for (const SourceRow &row : std::as_const(page->rows))
            visit(row);
        if (!page->more || page->rows.isEmpty())
            return success();
        query.afterKey = page->rows.constLast().keyValues;
    }
}

// What the reading thread and the receiver's thread share; it outlives the reader while callbacks
// are queued, which then find `stopped` and do nothing.
struct DriftTableReader::Shared {
    std::unique_ptr<SourceReader> source;
    TableInfo table;
    PlanContext context;
    std::shared_ptr<const DriftReferences> references;
    QObject *receiver = nullptr;
    RowsRead rowsRead;
    Finished finished;
    std::atomic_bool cancelled{false}; // the reading ends, and says so
    std::atomic_bool stopped{false};   // the reader is gone: nobody listens
    QSemaphore room{pagesInFlight};

    bool ending() const { return cancelled || stopped; }

    // Waits until the receiver has room for a page, or the reading ends.
    bool waitForRoom()
    {
        while (!ending()) {
            if (room.tryAcquire(1, roomWaitMs))
                return true;
        }
        return false;
    }

    void hand(Page page)
    {
        QMetaObject::invokeMethod(receiver, [shared = this->self(), page = std::move(page)]() {
            shared->room.release();
            if (!shared->stopped)
                shared->rowsRead(page);
        });
    }

    void read()
    {
        Page page;
        const QHash<QString, LedgerEntry> noLedger;
        auto read = forEachTableRow(
            *source, table, context.keyColumns, [this]() { return ending(); },
            [&](const SourceRow &row) {
                const PlannedRow plan = planRow(
                    context, row, noLedger, references ? references->answersFor(row, context.sourceColumns) : ResolvedReferences());
                ++page.rowsRead;
                if (plan.action == PlannedRow::Action::Failed) {
                    ++page.unplannedRows;
                    if (const auto key = IdentityKey::fromHex(plan.identity.hash); key && !plan.unidentified)
                        page.rows.append({*key, {}, DigestedRow::unplannedRow});
                } else if (const auto key = IdentityKey::fromHex(plan.identity.hash)) {
                    const int list = plan.action == PlannedRow::Action::Unrouted ? -1 : plan.targetIndex;
                    page.rows.append({*key, fieldsDigest(plan.fields), qint16(list)});
                }
                if (page.rowsRead == rowsPerPage && waitForRoom())
                    hand(std::exchange(page, Page{}));
            });
        source.reset(); // the session ends with the reading, not with the check
        if (read && page.rowsRead > 0 && waitForRoom())
            hand(std::move(page));
        if (read && ending())
            read = driftCancelled();
        QMetaObject::invokeMethod(receiver, [shared = self(), read]() {
            if (!shared->stopped)
                shared->finished(read);
        });
    }

    std::shared_ptr<Shared> self() { return weak.lock(); }
    std::weak_ptr<Shared> weak;
};

DriftTableReader::DriftTableReader(
    std::unique_ptr<SourceReader> source, TableInfo table, PlanContext context, std::shared_ptr<const DriftReferences> references)
    : m_shared(std::make_shared<Shared>())
{
    m_shared->weak = m_shared;
    m_shared->source = std::move(source);
    m_shared->table = std::move(table);
    m_shared->context = std::move(context);
    m_shared->references = std::move(references);
    m_shared->context.hashContent = false; // rows are compared by fieldsDigest; a content hash would go unused
}

DriftTableReader::~DriftTableReader()
{
    m_shared->stopped = true;
    if (m_thread)
        m_thread->wait();
}

void DriftTableReader::start(QObject *receiver, RowsRead rowsRead, Finished finished)
{
    m_shared->receiver = receiver;
    m_shared->rowsRead = std::move(rowsRead);
    m_shared->finished = std::move(finished);
    m_thread.reset(QThread::create([shared = m_shared]() { shared->read(); }));
    m_thread->setObjectName(QStringLiteral("drift-table"));
    m_thread->start();
}

void DriftTableReader::cancel()
{
    m_shared->cancelled = true;
}

} // namespace SyncBridge
