#pragma once

#include <QDir>
#include <QString>

namespace SyncBridge::Test {

inline QString demoSqlPath() { return QStringLiteral(SYNCBRIDGE_DEMO_SQL); }
inline QString demoDefinitionPath() { return QStringLiteral(SYNCBRIDGE_DEMO_DEFINITION); }
inline QString testDataPath(const QString &name) { return QStringLiteral(SYNCBRIDGE_TEST_DATA) + QLatin1Char('/') + name; }
inline QString cliPath() { return QStringLiteral(SYNCBRIDGE_CLI_PATH); }

// Where tests leave screenshots and other artifacts (under the build tree).
inline QString artifactDirectory()
{
    const QString dir = qEnvironmentVariable("SYNCBRIDGE_TEST_ARTIFACTS", QDir::temp().filePath(QStringLiteral("syncbridge-test-artifacts")));
    QDir().mkpath(dir);
    return dir;
}

} // namespace SyncBridge::Test
