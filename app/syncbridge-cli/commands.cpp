// Looks commands up in the table the groups register, runs them, and builds the help's command list from the same table.
#include "commands.h"

#include "commandhelpers.h"
#include "commandtable.h"

#include <QCoreApplication>

namespace SyncBridge::Cli {
namespace {

// Every command, in the order the help lists them.
const QList<Command> &commands()
{
    static const QList<Command> table = summaryCommands() + connectionCommands() + introspectCommands() + definitionCommands()
        + listCommands() + runCommands() + runsCommands() + retryCommands() + cdcCommands() + driftCommands() + conflictCommands() + agentCommands();
    return table;
}

} // namespace

QString commandSummary()
{
    constexpr int summaryColumn = 40;
    QStringList lines{QCoreApplication::translate("SyncBridge::Cli", "Commands:")};
    for (const Command &command : commands()) {
        QString line = QStringLiteral("  ") + QLatin1String(command.group);
        if (command.verb)
            line += QLatin1Char(' ') + QLatin1String(command.verb);
        if (command.arguments)
            line += QLatin1Char(' ') + QString::fromUtf8(command.arguments);
        if (command.summary) {
            // The summary column, or a line of its own under it when the usage is too long or spans lines.
            if (line.size() < summaryColumn && !line.contains(QLatin1Char('\n')))
                line += QString(summaryColumn - line.size(), QLatin1Char(' '));
            else
                line += QLatin1Char('\n') + QString(summaryColumn, QLatin1Char(' '));
            line += QCoreApplication::translate("SyncBridge::Cli", command.summary);
        }
        lines << line;
    }
    lines << QString()
          << QCoreApplication::translate("SyncBridge::Cli",
                 "Exit codes: 0 ok, 1 item failures, 2 failure, 64 usage error, 65 invalid input file, 75 busy (running elsewhere).");
    return lines.join(QLatin1Char('\n'));
}

int runCommand(const QStringList &words, CommandContext &context)
{
    const QString group = words.value(0);
    for (const Command &command : commands()) {
        if (group != QLatin1String(command.group))
            continue;
        if (!command.verb) {
            context.arguments = words.mid(1);
            return command.run(context);
        }
        if (words.value(1) == QLatin1String(command.verb)) {
            context.arguments = words.mid(2);
            return command.run(context);
        }
    }
    return usage(context, words.isEmpty() ? QCoreApplication::translate("SyncBridge::Cli", "no command given") : QCoreApplication::translate("SyncBridge::Cli", "unknown command '%1'").arg(words.join(QLatin1Char(' '))));
}

} // namespace SyncBridge::Cli
