#include "store/metastore.h"

#include "common/logging.h"
#include "store/migrations.h"
#include "store/sql.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>
#include <QUuid>

namespace SyncBridge {

MetaStore::MetaStore(StoreLocation location)
    : m_location(std::move(location))
    , m_connectionPrefix(QStringLiteral("syncbridge-store-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

MetaStore::~MetaStore()
{
    // Connections of other threads cannot be touched from here; removing them closes them.
    // Workers should have called releaseThreadConnection() already.
    const QMutexLocker lock(&m_mutex);
    for (const QString &name : std::as_const(m_connections))
        QSqlDatabase::removeDatabase(name);
}

Result<std::shared_ptr<MetaStore>> MetaStore::open(const StoreLocation &location)
{
    if (!location.isPostgres()) {
        const QString directory = QFileInfo(location.sqlitePath).absolutePath();
        if (!QDir().mkpath(directory))
            return Error(ErrorCode::Io,
                         QCoreApplication::translate("SyncBridge::Store", "Cannot create the folder for the meta-store: %1").arg(directory));
    }
    std::shared_ptr<MetaStore> store(new MetaStore(location));
    auto db = store->checkedConnection();
    if (!db)
        return db.error();
    auto version = applyMigrations(*db, location.isPostgres());
    if (!version)
        return version.error();
    store->m_schemaVersion = *version;
    qCInfo(lcStore).noquote() << "meta-store" << location.describe() << "at schema version" << *version;
    return store;
}

QSqlDatabase MetaStore::connection() const
{
    auto db = checkedConnection();
    if (!db)
        return {};
    return *db;
}

Result<QSqlDatabase> MetaStore::checkedConnection() const
{
    QThread *thread = QThread::currentThread();
    QString name;
    {
        const QMutexLocker lock(&m_mutex);
        name = m_connections.value(thread);
        if (name.isEmpty()) {
            name = QStringLiteral("%1-%2").arg(m_connectionPrefix).arg(quintptr(thread), 0, 16);
            m_connections.insert(thread, name);
        }
    }
    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (db.isValid() && db.isOpen())
        return db;
    return openConnection(name);
}

void MetaStore::releaseThreadConnection() const
{
    QString name;
    {
        const QMutexLocker lock(&m_mutex);
        name = m_connections.take(QThread::currentThread());
    }
    if (name.isEmpty())
        return;
    QSqlDatabase::database(name, false).close();
    QSqlDatabase::removeDatabase(name);
}

Result<QSqlDatabase> MetaStore::openConnection(const QString &name) const
{
    const bool postgres = m_location.isPostgres();
    QSqlDatabase db = QSqlDatabase::contains(name)
        ? QSqlDatabase::database(name, false)
        : QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
    if (!db.isValid())
        return Error(ErrorCode::StoreFailure,
                     QCoreApplication::translate("SyncBridge::Store", "The Qt Sql driver for the meta-store is not installed (%1).")
                         .arg(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE")));
    if (postgres) {
        db.setHostName(m_location.host);
        db.setPort(m_location.port);
        db.setDatabaseName(m_location.databaseName);
        db.setUserName(m_location.userName);
        db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=SyncBridge"));
    } else {
        db.setDatabaseName(m_location.sqlitePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (!db.open()) {
        return Error(ErrorCode::StoreFailure,
                     QCoreApplication::translate("SyncBridge::Store", "Cannot open the meta-store at %1.").arg(m_location.describe()),
                     db.lastError().text());
    }
    if (!postgres) {
        // WAL lets the GUI read run history while a worker writes; foreign keys are off by default in SQLite.
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
            auto result = execute(db, QLatin1String(pragma));
            if (!result)
                return result.error();
        }
    }
    return db;
}

} // namespace SyncBridge
