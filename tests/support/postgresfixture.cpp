#include "postgresfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QUuid>

#include <unistd.h>

namespace SyncBridge::Test {
namespace {

QString findPostgresBinDir()
{
    const QString fromEnvironment = qEnvironmentVariable("SYNCBRIDGE_PG_BINDIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList candidates = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(candidates.begin(), candidates.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &version : std::as_const(candidates)) {
        const QString bin = versions.filePath(version + QStringLiteral("/bin"));
        if (QFileInfo::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    return {};
}

Error fixtureError(const QString &message, const QString &detail = {})
{
    return Error(ErrorCode::Internal, QStringLiteral("PostgreSQL test fixture: ") + message, detail);
}

} // namespace

PostgresFixture::PostgresFixture()
    : m_root(QDir::temp().filePath(QStringLiteral("syncbridge-pg-XXXXXX")))
    , m_binDir(findPostgresBinDir())
    , m_password(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    // initdb refuses root, so the server runs as "postgres", which must be able to enter the directory.
    QFile::setPermissions(m_root.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                             | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther);
    m_dataDir = QDir(m_root.path()).filePath(QStringLiteral("data"));
}

PostgresFixture::~PostgresFixture()
{
    if (!m_running)
        return;
    auto stopped = run(m_binDir + QStringLiteral("/pg_ctl"), {QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"),
                                                              QStringLiteral("immediate"), QStringLiteral("stop")});
    if (!stopped)
        qWarning("PostgreSQL test fixture: could not stop the server: %s", qPrintable(stopped.error().toString()));
}

int PostgresFixture::freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

Result<QString> PostgresFixture::run(const QString &program, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (geteuid() == 0) {
        QStringList wrapped{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program};
        wrapped << arguments;
        process.start(QStringLiteral("runuser"), wrapped);
    } else {
        process.start(program, arguments);
    }
    if (!process.waitForFinished(timeoutMs))
        return fixtureError(QStringLiteral("%1 did not finish").arg(program), QString::fromLocal8Bit(process.readAll()));
    const QString output = QString::fromLocal8Bit(process.readAll());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return fixtureError(QStringLiteral("%1 failed").arg(program), output);
    return output;
}

Result<void> PostgresFixture::start()
{
    if (m_binDir.isEmpty())
        return fixtureError(QStringLiteral("no PostgreSQL server binaries found (install postgresql-15 or set SYNCBRIDGE_PG_BINDIR)"));
    if (!m_root.isValid())
        return fixtureError(QStringLiteral("cannot create a temporary directory"));
    if (!QFileInfo::exists(m_dataDir + QStringLiteral("/PG_VERSION"))) {
        const QString passwordFile = QDir(m_root.path()).filePath(QStringLiteral("pwfile"));
        QFile file(passwordFile);
        if (!file.open(QIODevice::WriteOnly))
            return fixtureError(QStringLiteral("cannot write the password file"));
        file.write(m_password.toUtf8() + '\n');
        file.close();
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::ReadOther);
        auto initialised = run(m_binDir + QStringLiteral("/initdb"),
                               {QStringLiteral("-D"), m_dataDir, QStringLiteral("-U"), superuser(), QStringLiteral("--auth-local=trust"),
                                QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("--pwfile=") + passwordFile,
                                QStringLiteral("--encoding=UTF8"), QStringLiteral("--locale=C.UTF-8")});
        QFile::remove(passwordFile);
        if (!initialised)
            return initialised.error();
    }
    for (int attempt = 0; attempt < 3 && !m_running; ++attempt) {
        m_port = freeLoopbackPort();
        const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c wal_level=logical -c fsync=off"
                                               " -c max_replication_slots=10 -c max_wal_senders=10")
                                    .arg(m_port).arg(m_root.path());
        auto started = run(m_binDir + QStringLiteral("/pg_ctl"),
                           {QStringLiteral("-D"), m_dataDir, QStringLiteral("-o"), options, QStringLiteral("-l"),
                            QDir(m_root.path()).filePath(QStringLiteral("server.log")), QStringLiteral("-w"), QStringLiteral("start")});
        if (started)
            m_running = true;
        else if (attempt == 2)
            return started.error();
    }
    startWatchdog();
    return success();
}

void PostgresFixture::startWatchdog()
{
    // A test that aborts never runs the destructor; this detached shell stops the server and removes
    // its files once the test process is gone, so aborted runs leave no server behind.
    if (m_watchdogStarted)
        return;
    m_watchdogStarted = true;
    const QString pgCtl = (geteuid() == 0 ? QStringLiteral("runuser -u postgres -- ") : QString()) + m_binDir + QStringLiteral("/pg_ctl");
    const QString script = QStringLiteral("while kill -0 %1 2>/dev/null; do sleep 1; done; %2 -D '%3' -m immediate stop >/dev/null 2>&1; rm -rf '%4'")
                               .arg(QCoreApplication::applicationPid())
                               .arg(pgCtl, m_dataDir, m_root.path());
    QProcess::startDetached(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script});
}

Result<void> PostgresFixture::stop()
{
    if (!m_running)
        return success();
    auto stopped = run(m_binDir + QStringLiteral("/pg_ctl"), {QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"), QStringLiteral("fast"),
                                                              QStringLiteral("-w"), QStringLiteral("stop")});
    if (!stopped)
        return stopped.error();
    m_running = false;
    return success();
}

Result<void> PostgresFixture::createDatabase(const QString &name)
{
    auto created = run(m_binDir + QStringLiteral("/createdb"),
                       {QStringLiteral("-h"), m_root.path(), QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"), superuser(), name});
    return created ? success() : Result<void>(created.error());
}

Result<void> PostgresFixture::runSqlFile(const QString &database, const QString &path)
{
    // psql runs as "postgres", which cannot read files under /root: pass the SQL through a readable copy.
    const QString copy = QDir(m_root.path()).filePath(QStringLiteral("script-%1.sql").arg(QUuid::createUuid().toString(QUuid::Id128)));
    if (!QFile::copy(path, copy))
        return fixtureError(QStringLiteral("cannot copy %1").arg(path));
    QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::ReadOther);
    auto ran = run(m_binDir + QStringLiteral("/psql"),
                   {QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), m_root.path(),
                    QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"), superuser(), QStringLiteral("-d"), database,
                    QStringLiteral("-f"), copy});
    QFile::remove(copy);
    return ran ? success() : Result<void>(ran.error());
}

Result<QString> PostgresFixture::query(const QString &database, const QString &sql)
{
    auto output = run(m_binDir + QStringLiteral("/psql"),
                      {QStringLiteral("-At"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), m_root.path(),
                       QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"), superuser(), QStringLiteral("-d"), database,
                       QStringLiteral("-c"), sql});
    if (!output)
        return output.error();
    return output->trimmed();
}

StoreLocation PostgresFixture::metaStoreLocation(const QString &databaseName) const
{
    StoreLocation location;
    location.driver = StoreLocation::Driver::Postgres;
    location.host = host();
    location.port = port();
    location.databaseName = databaseName;
    location.userName = superuser();
    return location;
}

Database PostgresFixture::databaseConnection(const QString &databaseName, const QString &name) const
{
    Database database;
    database.name = name;
    database.databaseName = databaseName;
    DatabaseInstance instance;
    instance.name = QStringLiteral("primary");
    instance.host = host();
    instance.port = m_port;
    instance.userName = superuser();
    instance.role = InstanceRole::Primary;
    database.instances << instance;
    return database;
}

} // namespace SyncBridge::Test
