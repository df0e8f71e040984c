// `drift check <definition>`: the table compared with its lists, one rclone-check line per
// difference (after the schema drift, if any), the counts per list, and an exit code scripts can test (0 in sync, 1 drift, 2 failed).
#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "commandtable.h"
#include "common/translations.h"
#include "stopsignals.h"

#include "previewoutput.h"

#include "drift/driftcheck.h"
#include "drift/repairrun.h"
#include "graph/governorregistry.h"
#include "store/budgetrepository.h"
#include "store/definitionrepository.h"
#include "sync/runcontroller.h"
#include "sync/runtext.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>
#include <unistd.h>

namespace SyncBridge::Cli {
namespace {

constexpr int ExitDriftFound = 1;

// A driftEntryKey(): "differs/<list id>/<row's key>/<item id>", of a class a repair can repair.
bool isRepairKey(const QString &key)
{
    const QStringList parts = key.split(QLatin1Char('/'));
    const auto driftClass = parts.size() == 4 ? driftClassFromSymbolOrId(parts.constFirst()) : std::nullopt;
    return driftClass && RepairRun::repairableClasses().contains(driftSymbol(*driftClass)) && !parts.at(1).isEmpty()
        && (!parts.at(2).isEmpty() || !parts.at(3).isEmpty());
}

// Schema drift first: when a mapping names a column that is gone, it is what to fix before anything.
QString schemaText(const DriftReport &report)
{
    if (report.schema.isEmpty())
        return {};
    QString text = QCoreApplication::translate("SyncBridge::Cli", "Schema drift: %n finding(s)", nullptr, int(report.schema.size()))
        + QLatin1Char('\n');
    for (const SchemaFinding &finding : report.schema) {
        text += QStringLiteral("  %1 [%2] %3\n").arg(severityText(finding.severity), kindName(finding.kind), finding.message);
        text += QStringLiteral("    → %1\n").arg(finding.whatToDo);
    }
    if (!report.dataNotCompared.isEmpty())
        text += QCoreApplication::translate("SyncBridge::Cli", "The rows were not compared: %1").arg(report.dataNotCompared)
            + QLatin1Char('\n');
    return text + QLatin1Char('\n');
}

QString reportText(const DriftReport &report)
{
    QString text = schemaText(report);
    if (!report.dataNotCompared.isEmpty())
        return text;
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
        ? QCoreApplication::translate("SyncBridge::Cli", "In sync: %n row(s) compared", nullptr, pluralCount(report.sourceRows))
        : QCoreApplication::translate("SyncBridge::Cli", "Drift: %n difference(s)", nullptr, pluralCount(differences));
    text += QCoreApplication::translate("SyncBridge::Cli", " (%1 s, %2 RU).").arg(report.seconds, 0, 'f', 1).arg(report.ruSpent)
        + QLatin1Char('\n');
    if (report.unplannedRows > 0)
        text
            += QCoreApplication::translate("SyncBridge::Cli", "%n row(s) could not be planned (see `run --dry-run`) and were not compared.",
                   nullptr, pluralCount(report.unplannedRows))
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
    // Schema findings that block a push are drift as much as differing rows; warnings and info are not.
    return report.inSync() && !hasBlocking(report.schema) && report.dataNotCompared.isEmpty() ? ExitOk : ExitDriftFound;
}

int repairDrift(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "drift repair takes one definition name"));
    auto definition = DefinitionRepository(*context.store).byName(context.arguments.constFirst());
    if (!definition)
        return fail(context, definition.error());
    RunOptions options;
    options.repair = true;
    options.dryRun = context.parser.isSet(context.options.dryRun);
    for (const QString &symbol : context.parser.value(context.options.classes).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto driftClass = driftClassFromSymbolOrId(symbol);
        if (!driftClass || !RepairRun::repairableClasses().contains(driftSymbol(*driftClass)))
            return usage(context,
                QCoreApplication::translate("SyncBridge::Cli", "--classes takes %1 (or their names), not '%2'")
                    .arg(RepairRun::repairableClasses().split(QString(), Qt::SkipEmptyParts).join(QLatin1Char(',')), symbol));
        options.repairClasses += driftSymbol(*driftClass);
    }
    for (const QString &key : context.parser.value(context.options.only).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!isRepairKey(key.trimmed()))
            return usage(context,
                QCoreApplication::translate("SyncBridge::Cli",
                    "--only takes the repairKey of a difference as `drift check --json` gives it (class/list/row/item), not '%1'")
                    .arg(key));
        options.repairOnly << key.trimmed();
    }
    const bool allowMassDelete = context.parser.isSet(context.options.allowMassDelete);
    const bool terminal = isatty(fileno(stderr));
    RunController runs(
        context.store, context.secrets, std::make_shared<GovernorRegistry>(std::make_shared<BudgetRepository>(context.store)));
    runs.setMassDeleteApproval(
        [allowMassDelete](qint64, const MassDeleteCheck &, const RunController::MassDeleteAnswer &answer) { answer(allowMassDelete); });
    RunOutcome outcome;
    QEventLoop loop;
    QObject::connect(&runs, &RunController::progress, &loop, [&](qint64, const RunProgress &progress) {
        if (!terminal)
            return;
        const RunCounters &c = progress.counters;
        context.err << '\r'
                    << QCoreApplication::translate("SyncBridge::Cli", "%1: %2 created, %3 updated, %4 moved, %5 deleted   ")
                           .arg(runPhaseText(progress.phase))
                           .arg(c.created)
                           .arg(c.updated)
                           .arg(c.moved)
                           .arg(c.deleted);
        context.err.flush();
    });
    QObject::connect(&runs, &RunController::finished, &loop, [&](qint64, const RunOutcome &finished) {
        outcome = finished;
        loop.quit();
    });
    StopSignals stop;
    QObject::connect(&stop, &StopSignals::received, &loop, [&](int) { runs.cancel(definition->id); });
    if (auto started = runs.start(definition->id, options); !started)
        return fail(context, started.error());
    loop.exec();
    if (terminal)
        context.err << '\n';
    if (outcome.runId == 0 && outcome.error && outcome.error->code() == ErrorCode::Busy) {
        context.err << outcome.message << '\n';
        return ExitBusy;
    }
    if (wantsJson(context)) {
        printJson(context, outcomeJson(outcome));
    } else {
        (outcome.status == RunStatus::Failed ? context.err : context.out) << outcome.message << '\n';
        for (auto list = outcome.plan.constBegin(); list != outcome.plan.constEnd(); ++list) {
            QStringList counts;
            for (auto action = list->constBegin(); action != list->constEnd(); ++action)
                counts << QStringLiteral("%1 %2").arg(action.value()).arg(action.key());
            context.out << "  " << list.key() << ": " << counts.join(QStringLiteral(", ")) << '\n';
        }
        printPreviewRows(context, outcome);
        for (const QString &warning : std::as_const(outcome.warnings))
            context.err << QCoreApplication::translate("SyncBridge::Cli", "warning: %1").arg(warning) << '\n';
        context.out << QCoreApplication::translate("SyncBridge::Cli", "Run %1: %2").arg(outcome.runId).arg(enumName(outcome.status))
                    << '\n';
    }
    switch (outcome.status) {
    case RunStatus::Succeeded:
        return ExitOk;
    case RunStatus::PartiallyFailed:
        return ExitItemFailures;
    case RunStatus::Cancelled:
        return ExitCancelled;
    default:
        return ExitFailure;
    }
}

} // namespace

QList<Command> driftCommands()
{
    return {
        {"drift", "check", "<definition> [--json] [--output FILE]",
            QT_TRANSLATE_NOOP("SyncBridge::Cli", "compare the table with its lists (exit 0 in sync, 1 drift found, 2 failed)"), checkDrift},
        {"drift", "repair", "<definition> [--dry-run] [--classes +,*,-,>,!] [--only KEY,...] [--allow-mass-delete] [--json]",
            QT_TRANSLATE_NOOP("SyncBridge::Cli", "repair the drift a check finds (preview it with --dry-run)"), repairDrift},
    };
}

} // namespace SyncBridge::Cli
