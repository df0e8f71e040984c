#include "commandhelpers.h"

#include "clioptions.h"
#include "commands.h"

#include "common/error.h"
#include "model/connection.h"
#include "secrets/secretstore.h"

#include <QCoreApplication>

namespace SyncBridge::Cli {

int fail(CommandContext &context, const Error &error)
{
    context.err << QCoreApplication::translate("SyncBridge::Cli", "error: %1").arg(error.message()) << '\n';
    if (!error.detail().isEmpty())
        context.err << QCoreApplication::translate("SyncBridge::Cli", "  detail: %1").arg(error.detail()) << '\n';
    context.err.flush();
    return error.code() == ErrorCode::InvalidInput ? ExitInvalidInput : ExitFailure;
}

int usage(CommandContext &context, const QString &message)
{
    context.err << QCoreApplication::translate("SyncBridge::Cli", "usage error: %1").arg(message) << "\n\n" << commandSummary() << '\n';
    return ExitUsage;
}

QString instancePassword(CommandContext &context, const DatabaseInstance &instance, Error *failure)
{
    if (instance.secretRef.isEmpty())
        return {};
    auto secret = readSecretBlocking(context.secrets, instance.secretRef);
    if (!secret) {
        *failure = secret.error();
        return {};
    }
    return *secret;
}

PasswordLookup passwordLookup(CommandContext &context)
{
    return [&context](const DatabaseInstance &instance) -> Result<QString> {
        Error failure(ErrorCode::Internal, {});
        const QString password = instancePassword(context, instance, &failure);
        if (!failure.message().isEmpty())
            return failure;
        return password;
    };
}

} // namespace SyncBridge::Cli
