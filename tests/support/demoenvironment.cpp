#include "demoenvironment.h"

#include "testpaths.h"

#include "secrets/secretstore.h"
#include "store/connectionrepository.h"
#include "store/metastore.h"

#include <QJsonObject>

namespace SyncBridge::Test {
namespace {
constexpr int unlimitedRuPerMinute = 1000000;
} // namespace

DemoEnvironment::DemoEnvironment(Names names)
    : m_names(std::move(names))
{
}

DemoEnvironment::~DemoEnvironment() = default;

bool DemoEnvironment::start(QString *error)
{
    const auto failed = [error](const QString &why) {
        *error = why;
        return false;
    };
    if (auto started = m_postgres.start(); !started)
        return failed(started.error().toString());
    if (auto created = m_postgres.createDatabase(QStringLiteral("demo")); !created)
        return failed(created.error().toString());
    if (auto loaded = m_postgres.runSqlFile(QStringLiteral("demo"), demoSqlPath()); !loaded)
        return failed(loaded.error().toString());
    if (!m_emulator.start({}, error))
        return false;
    if (m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("throttling"), QJsonObject{{QStringLiteral("ruPerMinute"), unlimitedRuPerMinute}}}}).status != 200)
        return failed(QStringLiteral("the emulator refused its throttling configuration"));

    auto store = MetaStore::open(*StoreLocation::parse(m_dir.filePath(QStringLiteral("store.db"))));
    if (!store)
        return failed(store.error().toString());
    m_store = *store;
    ConnectionRepository connections(*m_store);
    m_database = m_postgres.databaseConnection(QStringLiteral("demo"), m_names.database);
    m_database.instances[0].secretRef = QStringLiteral("postgres/demo");
    m_sharePoint = m_emulator.sharePointConnection(m_names.sharePoint);
    m_sharePoint.ruPerMinute = unlimitedRuPerMinute;
    if (auto written = writeSecretBlocking(m_secrets, QStringLiteral("postgres/demo"), m_postgres.password()); !written)
        return failed(written.error().toString());
    if (auto written = writeSecretBlocking(m_secrets, QStringLiteral("sharepoint/demo"), QStringLiteral("demo-secret")); !written)
        return failed(written.error().toString());
    if (auto saved = connections.saveDatabase(m_database); !saved)
        return failed(saved.error().toString());
    if (auto saved = connections.saveSharePointConnection(m_sharePoint); !saved)
        return failed(saved.error().toString());
    return true;
}

} // namespace SyncBridge::Test
