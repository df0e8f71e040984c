// `drift check <definition>`: the table compared with its lists, one rclone-check line per
// difference, the counts per list, and an exit code scripts can test (0 in sync, 1 drift, 2 failed).
#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "commandtable.h"
#include "stopsignals.h"

#include "drift/driftcheck.h"
#include "graph/governorregistry.h"
#include "store/budgetrepository.h"
#include "store/definitionrepository.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>
#include <unistd.h>

namespace SyncBridge::Cli {
namespace {

constexpr int ExitDriftFound = 1;

QString reportText(const DriftReport &report)
{
    QString text;
    for (const DriftEntry &entry : report.entries)
        text += driftLine(entry) + QLatin1Char('\n');
    QList<QStringList> rows;
    for (auto list = report.lists.constBegin(); list != report.lists.constEnd(); ++list) {
        QStringList row{list.key(), QString::number(list->sourceRows), QString::number(list->items), QString::number(list->ledgerEntries),
            QString::number(list->items - list->sourceRows)};
        for (const DriftClass driftClass : allDriftClasses)
            row << QString::number(list->classes.value(driftClass));
        rows << row;
    }
    QStringList header{QCoreApplication::translate("SyncBridge::Cli", "List"), QCoreApplication::translate("SyncBridge::Cli", "Rows"),
        QCoreApplication::translate("SyncBridge::Cli", "Items"), QCoreApplication::translate("SyncBridge::Cli", "Ledger"),
        QCoreApplication::translate("SyncBridge::Cli", "Delta")};
    for (const DriftClass driftClass : allDriftClasses)
        header << QString(driftSymbol(driftClass));
    if (!report.entries.isEmpty())
        text += QLatin1Char('\n');
    text += formatTable(header, rows, 1);
    const qint64 differences = report.differences();
    text += differences == 0
        ? QCoreApplication::translate(
            "SyncBridge::Cli", "In sync: %n row(s) compared", nullptr, int(qMin<qint64>(report.sourceRows, INT_MAX)))
        : QCoreApplication::translate("SyncBridge::Cli", "Drift: %n difference(s)", nullptr, int(qMin<qint64>(differences, INT_MAX)));
    text += QCoreApplication::translate("SyncBridge::Cli", " (%1 s, %2 RU).").arg(report.seconds, 0, 'f', 1).arg(report.ruSpent)
        + QLatin1Char('\n');
    if (report.unplannedRows > 0)
        text
            += QCoreApplication::translate("SyncBridge::Cli", "%n row(s) could not be planned (see `run --dry-run`) and were not compared.",
                   nullptr, int(qMin<qint64>(report.unplannedRows, INT_MAX)))
            + QLatin1Char('\n');
    return text;
}

int checkDrift(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "drift check takes one definition name"));
    auto definition = DefinitionRepository(*context.store).byName(context.arguments.constFirst());
    if (!definition)
        return fail(context, definition.error());
    const bool terminal = isatty(fileno(stderr));
    auto governors = std::make_shared<GovernorRegistry>(std::make_shared<BudgetRepository>(context.store));
    DriftCheck check(
        context.store, context.secrets, [governors](const SharePointConnection &connection) { return governors->governorFor(connection); },
        definition->id);
    QEventLoop loop;
    QObject::connect(&check, &DriftCheck::progress, &loop, [&](const QString &step, qint64 rows, qint64 items) {
        if (!terminal)
            return;
        context.err << '\r' << QCoreApplication::translate("SyncBridge::Cli", "%1 %2 rows, %3 items   ").arg(step).arg(rows).arg(items);
        context.err.flush();
    });
    bool done = false; // a check that fails at once finishes before the loop runs
    QObject::connect(&check, &DriftCheck::finished, &loop, [&]() {
        done = true;
        loop.quit();
    });
    StopSignals stop;
    QObject::connect(&stop, &StopSignals::received, &loop, [&](int) { check.cancel(); });
    check.start();
    if (!done)
        loop.exec();
    if (terminal)
        context.err << '\n';
    if (check.error()) {
        fail(context, *check.error());
        return check.error()->code() == ErrorCode::Cancelled ? ExitCancelled : ExitFailure;
    }
    const DriftReport &report = check.report();
    const QByteArray document
        = wantsJson(context) ? QJsonDocument(driftReportJson(report)).toJson(QJsonDocument::Indented) : reportText(report).toUtf8();
    const QString path = context.parser.value(context.options.output);
    if (path.isEmpty()) {
        context.out << QString::fromUtf8(document);
    } else {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(document) != document.size() || !file.commit())
            return fail(context,
                Error(ErrorCode::Io, QCoreApplication::translate("SyncBridge::Cli", "Cannot write %1: %2").arg(path, file.errorString())));
    }
    return report.inSync() ? ExitOk : ExitDriftFound;
}

} // namespace

QList<Command> driftCommands()
{
    return {
        {"drift", "check", "<definition> [--json] [--output FILE]",
            QT_TRANSLATE_NOOP("SyncBridge::Cli", "compare the table with its lists (exit 0 in sync, 1 drift found, 2 failed)"), checkDrift},
    };
}

} // namespace SyncBridge::Cli
