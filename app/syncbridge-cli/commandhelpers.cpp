#include "commandhelpers.h"

#include "clioptions.h"
#include "commands.h"

#include "common/error.h"
#include "model/connection.h"
#include "model/definition.h"
#include "secrets/secretstore.h"
#include "store/definitionrepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

std::function<Result<QString>(const DatabaseInstance &)> instancePasswords(CommandContext &context)
{
    return [&context](const DatabaseInstance &instance) -> Result<QString> {
        Error failure(ErrorCode::Internal, {});
        const QString password = instancePassword(context, instance, &failure);
        if (!failure.message().isEmpty())
            return failure;
        return password;
    };
}

bool wantsJson(const CommandContext &context)
{
    return context.parser.isSet(context.options.json);
}

void printJson(CommandContext &context, const QJsonValue &value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    context.out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    context.out.flush();
}

QString utcText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QJsonValue utcJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QString durationText(qint64 seconds)
{
    if (seconds < 60)
        return QCoreApplication::translate("SyncBridge::Cli", "%1 s").arg(seconds);
    if (seconds < 3600)
        return QCoreApplication::translate("SyncBridge::Cli", "%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return QCoreApplication::translate("SyncBridge::Cli", "%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

QString formatTable(const QStringList &header, const QList<QStringList> &rows, int firstNumeric)
{
    QList<qsizetype> widths;
    for (const QString &title : header)
        widths << title.size();
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths.at(i), row.at(i).size());
    }
    const auto line = [&](const QStringList &cells) {
        QStringList padded;
        for (int i = 0; i < cells.size() && i < widths.size(); ++i)
            padded << (i >= firstNumeric ? cells.at(i).rightJustified(widths.at(i)) : cells.at(i).leftJustified(widths.at(i)));
        QString text = padded.join(QStringLiteral("  "));
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        return text + QLatin1Char('\n');
    };
    QString text = line(header);
    for (const QStringList &row : rows)
        text += line(row);
    return text;
}

bool findDefinition(CommandContext &context, const QString &name, SyncDefinition *definition, int *exitCode)
{
    auto found = DefinitionRepository(*context.store).byName(name);
    if (!found) {
        *exitCode = fail(context, found.error());
        return false;
    }
    *definition = *found;
    return true;
}

} // namespace SyncBridge::Cli
