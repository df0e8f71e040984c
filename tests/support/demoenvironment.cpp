#include "demoenvironment.h"

#include "testpaths.h"

#include "secrets/secretstore.h"
#include "store/connectionrepository.h"
#include "store/definitionimporter.h"
#include "store/metastore.h"

#include <QFile>
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

bool DemoEnvironment::importDefinitionsFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    auto imported = importDefinitions(*m_store, file.readAll());
    if (!imported) {
        *error = imported.error().message();
        return false;
    }
    if (!imported->ok()) {
        *error = QStringLiteral("%1 has %2 problem(s), the first: %3").arg(path).arg(imported->issues.size()).arg(imported->issues.value(0).message);
        return false;
    }
    return true;
}

} // namespace SyncBridge::Test
