#pragma once

#include "common/result.h"
#include "model/connection.h"
#include "store/storelocation.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace SyncBridge::Test {

// A throwaway PostgreSQL server for one test: initdb + pg_ctl on a free loopback port with
// wal_level=logical, run as the postgres user when the test runs as root, removed afterwards.
// Local (socket) connections are trusted; TCP connections need the superuser password.
class PostgresFixture
{
public:
    PostgresFixture();
    ~PostgresFixture();

    Result<void> start();
    Result<void> stop();    // fast shutdown; the data directory stays until destruction
    bool isRunning() const { return m_running; }

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString superuser() const { return QStringLiteral("postgres"); }
    QString password() const { return m_password; }

    Result<void> createDatabase(const QString &name);
    Result<void> runSqlFile(const QString &database, const QString &path);
    Result<QString> query(const QString &database, const QString &sql);  // psql -At output

    // A Database with one PRIMARY instance pointing at this server (secretRef left empty).
    // A meta-store in one of its databases (the password from PGPASSWORD, as agents give it).
    StoreLocation metaStoreLocation(const QString &databaseName) const;
    Database databaseConnection(const QString &databaseName, const QString &name = QStringLiteral("Test database")) const;

    static int freeLoopbackPort();
    void startWatchdog();

private:
    Result<QString> run(const QString &program, const QStringList &arguments, int timeoutMs = 60000);

    QTemporaryDir m_root;
    QString m_binDir;
    QString m_dataDir;
    QString m_password;
    int m_port = 0;
    bool m_running = false;
    bool m_watchdogStarted = false;
};

} // namespace SyncBridge::Test
