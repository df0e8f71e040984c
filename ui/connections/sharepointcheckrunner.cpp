#include "connections/sharepointcheckrunner.h"

#include "common/backgroundtask.h"

#include "graph/connectionsettings.h"
#include "graph/governor.h"
#include "graph/governorregistry.h"
#include "graph/sharepointcheck.h"
#include "secrets/secretstore.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"
#include "sync/runcontroller.h"

#include <QCoreApplication>
#include <QListWidget>

namespace SyncBridge {
namespace {

// A line with its mark; what to do, and the service's words, under it.
void showLine(QListWidget *results, const SharePointCheckLine &line)
{
    QString text = (line.ok ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + line.text;
    if (!line.advice.isEmpty())
        text += QLatin1Char('\n') + QCoreApplication::translate("SyncBridge::SharePointCheckView", "What to do: %1").arg(line.advice);
    auto *item = new QListWidgetItem(text, results);
    item->setData(Qt::UserRole, line.ok);
    item->setForeground(line.ok ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    if (!line.detail.isEmpty())
        item->setToolTip(line.detail);
    results->scrollToItem(item);
}

} // namespace

QString sharePointSecretLocation(const AppContext &context, const SharePointConnection &connection)
{
    if (connection.secretRef.isEmpty())
        return QCoreApplication::translate("SyncBridge::SharePointCheckView", "not set");
    return context.secrets->describeLocation(connection.secretRef);
}

void startSharePointCheck(const AppContext &context, const SharePointConnection &connection, const QString &typedSecret, QObject *owner,
    QListWidget *results, std::function<void(SharePointCheck *)> started)
{
    results->clear();
    new QListWidgetItem(QCoreApplication::translate("SyncBridge::SharePointCheckView", "Testing…"), results);
    runInBackground(
        owner, context.storePool, [store = context.store]() { return DefinitionRepository(*store).all(); },
        [context, connection, typedSecret, owner, results, started](Result<QList<SyncDefinition>> definitions) {
            results->clear();
            if (!definitions) {
                showLine(results, {SharePointCheckLine::Step::Site, false, definitions.error().message(), {}, {}});
                started(nullptr);
                return;
            }
            SecretSource secret;
            QString origin;
            if (!typedSecret.isEmpty()) {
                secret = [typedSecret](std::function<void(Result<QString>)> done) { done(typedSecret); };
                origin = QCoreApplication::translate("SyncBridge::SharePointCheckView", "typed here, not saved yet");
            } else {
                secret = secretSourceFor(*context.secrets, connection);
                origin = connection.secretRef.isEmpty()
                    ? QCoreApplication::translate("SyncBridge::SharePointCheckView", "no secret entered")
                    : sharePointSecretLocation(context, connection);
            }
            // A saved connection spends its tenant's governor, as the runs do; a new one a governor of its own.
            const std::shared_ptr<Governor> governor = connection.id != 0 && context.runs
                ? context.runs->governors().governorFor(connection)
                : std::make_shared<Governor>(governorSettingsFor(connection));
            auto *check = new SharePointCheck(
                connection, std::move(secret), origin, governor, sharePointCheckTargets(*definitions, connection.id), owner);
            QObject::connect(
                check, &SharePointCheck::lineAdded, results, [results](const SharePointCheckLine &line) { showLine(results, line); });
            started(check);
            check->start();
        });
}

} // namespace SyncBridge
