#pragma once

#include "emulatorprocess.h"
#include "postgresfixture.h"

#include "model/connection.h"
#include "secrets/memorysecretstore.h"

#include <QTemporaryDir>

#include <memory>

namespace SyncBridge {
class MetaStore;
}

namespace SyncBridge::Test {

// What the engine and UI tests run against: a throwaway PostgreSQL with the demo data (database
// "demo"), the Graph emulator with its throttling out of the way, and a SQLite meta-store that knows
// both as connections, their secrets ("postgres/demo", "sharepoint/demo") in a memory store.
class DemoEnvironment
{
public:
    struct Names {
        QString database = QStringLiteral("Demo");
        QString sharePoint = QStringLiteral("Emulator");
    };

    explicit DemoEnvironment(Names names);
    DemoEnvironment() : DemoEnvironment(Names{}) {}
    ~DemoEnvironment();

    // False with the reason in *error.
    bool start(QString *error);
    // Imports a definitions file into the meta-store (all or nothing); false with the reason in *error.
    bool importDefinitionsFile(const QString &path, QString *error);

    PostgresFixture &postgres() { return m_postgres; }
    EmulatorProcess &emulator() { return m_emulator; }
    MemorySecretStore &secrets() { return m_secrets; }
    const std::shared_ptr<MetaStore> &store() const { return m_store; }
    const Database &database() const { return m_database; }
    const SharePointConnection &sharePointConnection() const { return m_sharePoint; }
    QString path(const QString &fileName) const { return m_dir.filePath(fileName); }

private:
    Names m_names;
    QTemporaryDir m_dir;
    PostgresFixture m_postgres;
    EmulatorProcess m_emulator;
    MemorySecretStore m_secrets;
    std::shared_ptr<MetaStore> m_store;
    Database m_database;
    SharePointConnection m_sharePoint;
};

} // namespace SyncBridge::Test
