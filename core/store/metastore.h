#pragma once

#include "common/result.h"
#include "store/storelocation.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>

#include <memory>

class QThread;

namespace SyncBridge {

// The meta-store: configuration, ledger, cursors and run history, through Qt Sql.
// Each thread gets its own named connection (Qt Sql connections must not cross threads);
// a worker calls releaseThreadConnection() before its thread ends.
class MetaStore
{
public:
    // Opens the store, creating the SQLite file if needed, and applies pending migrations.
    static Result<std::shared_ptr<MetaStore>> open(const StoreLocation &location);
    ~MetaStore();

    MetaStore(const MetaStore &) = delete;
    MetaStore &operator=(const MetaStore &) = delete;

    const StoreLocation &location() const { return m_location; }
    bool isPostgres() const { return m_location.isPostgres(); }
    int schemaVersion() const { return m_schemaVersion; }

    // The calling thread's connection, opened on first use. Check isOpen() on failure paths.
    QSqlDatabase connection() const;
    Result<QSqlDatabase> checkedConnection() const;
    void releaseThreadConnection() const;

private:
    explicit MetaStore(StoreLocation location);
    Result<QSqlDatabase> openConnection(const QString &name) const;

    StoreLocation m_location;
    QString m_connectionPrefix;
    int m_schemaVersion = 0;
    mutable QMutex m_mutex;
    mutable QHash<QThread *, QString> m_connections;
};

} // namespace SyncBridge
