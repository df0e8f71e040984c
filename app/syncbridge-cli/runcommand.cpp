// `run <definition>`: one push run, with progress on a terminal and the outcome's exit code.
#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "commandtable.h"
#include "common/translations.h"
#include "previewoutput.h"
#include "stopsignals.h"

#include "common/error.h"
#include "graph/governorregistry.h"
#include "store/budgetrepository.h"
#include "store/definitionrepository.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/runrepository.h"
#include "sync/runcontroller.h"
#include "sync/runtext.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <unistd.h>

namespace SyncBridge::Cli {
namespace {

// Failing rows per reason, most first (a dry run's are the rows a run would fail), then what the
// run warns of, such as deletions the breaker would hold back.
void printFailures(CommandContext &context, const RunOutcome &outcome)
{
    QList<std::pair<QString, qint64>> reasons;
    for (auto it = outcome.failures.constBegin(); it != outcome.failures.constEnd(); ++it)
        reasons.append({it.key(), it.value()});
    std::stable_sort(reasons.begin(), reasons.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    if (!reasons.isEmpty())
        context.out << QCoreApplication::translate("SyncBridge::Cli", "Failing rows by reason:") << '\n';
    for (const auto &[reason, rows] : std::as_const(reasons))
        context.out << QCoreApplication::translate("SyncBridge::Cli", "  %n row(s): %1", nullptr, int(rows)).arg(reason) << '\n';
    for (const QString &warning : outcome.warnings)
        context.err << QCoreApplication::translate("SyncBridge::Cli", "warning: %1").arg(warning) << '\n';
}

// What a run that got to its end left for later, each row once: deletions it deleted and held back,
// the rows in the retry queue (this run's failures among them, told apart from earlier ones not yet
// due), and pending writes of other rows.
void printLeftBehind(CommandContext &context, const QString &definition, const RunOutcome &outcome)
{
    context.out << "  "
                << QCoreApplication::translate("SyncBridge::Cli", "deletes: %1 deleted, %2 held back by the circuit breaker")
                       .arg(outcome.counters.deleted)
                       .arg(outcome.heldBackDeletes);
    if (outcome.heldBackDeletes > 0)
        context.out << ' ' << QCoreApplication::translate("SyncBridge::Cli", "(check the source, then confirm with --allow-mass-delete)");
    context.out << '\n';
    if (outcome.rowsWaiting > 0) {
        // The rows that failed in this run and wait now; the rest failed in earlier runs.
        QSet<QString> failedHere;
        if (auto events = RunRepository(*context.store).events(outcome.runId)) {
            for (const RunEvent &event : std::as_const(*events)) {
                if (event.type == QLatin1String("item-failed"))
                    failedHere.insert(event.payload.value(QStringLiteral("identity")).toString());
            }
        }
        qint64 thisRun = 0;
        if (auto definitionId = DefinitionRepository(*context.store).byName(definition)) {
            if (auto queue = LedgerRepository(*context.store).retries(definitionId->id)) {
                for (const RetryItem &item : std::as_const(*queue))
                    thisRun += failedHere.contains(item.identityText) ? 1 : 0;
            }
        }
        context.out
            << "  "
            << QCoreApplication::translate("SyncBridge::Cli",
                   "retry queue: %n row(s) wait (%1 failed in this run, %2 from earlier runs); see: syncbridge-cli retry list \"%3\"",
                   nullptr, int(outcome.rowsWaiting))
                   .arg(thisRun)
                   .arg(outcome.rowsWaiting - thisRun)
                   .arg(definition)
            << '\n';
    } else {
        context.out << "  " << QCoreApplication::translate("SyncBridge::Cli", "retry queue: no rows wait") << '\n';
    }
    if (outcome.writesPending > 0)
        context.out << "  "
                    << QCoreApplication::translate("SyncBridge::Cli",
                           "pending: %n write(s) of rows not in the retry queue wait to be confirmed by the next run", nullptr,
                           int(outcome.writesPending))
                    << '\n';
}

// The text output: the summary (a failed run's message on stderr with its detail), the counts per
// list and action, a dry run's planned rows, failures and what the run left behind, the status line.
void printOutcome(CommandContext &context, const RunOptions &options, const QString &definition, const RunOutcome &outcome)
{
    // A failed run's message is a failure: on stderr with its detail; a summary goes to stdout.
    (outcome.status == RunStatus::Failed ? context.err : context.out) << outcome.message << '\n';
    if (outcome.error && !outcome.error->detail().isEmpty()) // the message first, what it cost to find out after
        context.err << QCoreApplication::translate("SyncBridge::Cli", "  detail (%1): %2")
                           .arg(errorCodeName(outcome.error->code()), outcome.error->detail())
                    << '\n';
    for (auto list = outcome.plan.constBegin(); list != outcome.plan.constEnd(); ++list) {
        QStringList counts;
        for (auto action = list->constBegin(); action != list->constEnd(); ++action)
            counts << QStringLiteral("%1 %2").arg(action.value()).arg(action.key());
        context.out << "  " << list.key() << ": " << counts.join(QStringLiteral(", ")) << '\n';
    }
    printPreviewRows(context, outcome);
    printFailures(context, outcome);
    if (!options.dryRun && (outcome.status == RunStatus::Succeeded || outcome.status == RunStatus::PartiallyFailed))
        printLeftBehind(context, definition, outcome);
    context.out << QCoreApplication::translate("SyncBridge::Cli", "Run %1: %2").arg(outcome.runId).arg(enumName(outcome.status)) << '\n';
}

// --for SECONDS / --until-idle: a CDC definition streams instead of draining; any other refuses
// them by name (they would be silently ignored otherwise).
std::optional<int> readStreaming(CommandContext &context, const SyncDefinition &definition, RunOptions &options)
{
    const bool follow = context.parser.isSet(context.options.streamFor);
    const bool untilIdle = context.parser.isSet(context.options.untilIdle);
    if (!follow && !untilIdle)
        return std::nullopt;
    const QString option = follow ? QStringLiteral("--for") : QStringLiteral("--until-idle");
    if (follow && untilIdle)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "--for and --until-idle cannot be combined"));
    if (definition.mode != SyncMode::Cdc)
        return usage(context,
            QCoreApplication::translate(
                "SyncBridge::Cli", "%1 streams a CDC definition's changes; '%2' is a %3 definition, whose run ends by itself")
                .arg(option, definition.name, enumName(definition.mode)));
    if (options.dryRun || !options.backfillFields.isEmpty())
        return usage(
            context, QCoreApplication::translate("SyncBridge::Cli", "%1 cannot be combined with --dry-run or --backfill").arg(option));
    options.cdcStreaming = follow ? RunOptions::CdcStreaming::Follow : RunOptions::CdcStreaming::UntilIdle;
    if (follow) {
        bool ok = false;
        options.followSeconds = context.parser.value(context.options.streamFor).toInt(&ok);
        if (!ok || options.followSeconds < 0)
            return usage(context,
                QCoreApplication::translate(
                    "SyncBridge::Cli", "--for must be a whole number of seconds, 0 (until stopped) or more (not '%1')")
                    .arg(context.parser.value(context.options.streamFor)));
    }
    return std::nullopt;
}

// The progress line on a terminal: a continuous CDC run's stream, or a run's counts.
QString progressLine(const RunProgress &progress)
{
    if (progress.wait.isWaiting())
        return serviceWaitText(progress.wait) + QStringLiteral("   ");
    const RunCounters &c = progress.counters;
    if (progress.stream) {
        const StreamProgress &stream = *progress.stream;
        return QCoreApplication::translate("SyncBridge::Cli", "Streaming: lag %L1 bytes (%2 s), %3 changes/s, %n change(s) queued, ",
                   nullptr, pluralCount(stream.queued))
                   .arg(stream.lagBytes)
                   .arg(stream.lagSeconds, 0, 'f', 1)
                   .arg(stream.changesPerSecond, 0, 'f', 0)
            + QCoreApplication::translate("SyncBridge::Cli", "%n delivered (%1 created, %2 updated, %3 deleted, %4 failed)   ", nullptr,
                pluralCount(stream.delivered))
                  .arg(c.created)
                  .arg(c.updated)
                  .arg(c.deleted)
                  .arg(c.failed);
    }
    return QCoreApplication::translate(
        "SyncBridge::Cli", "%1: %2 read, %3 created, %4 updated, %5 moved, %6 unchanged, %7 failed, %8 items/s   ")
        .arg(runPhaseText(progress.phase))
        .arg(c.rowsRead)
        .arg(c.created)
        .arg(c.updated)
        .arg(c.moved)
        .arg(c.skipped)
        .arg(c.failed)
        .arg(progress.itemsPerSecond, 0, 'f', 0);
}

} // namespace

int runDefinition(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "run takes one definition name"));
    auto definition = DefinitionRepository(*context.store).byName(context.arguments.constFirst());
    if (!definition)
        return fail(context, definition.error());
    bool pageOk = false;
    RunOptions options;
    options.dryRun = context.parser.isSet(context.options.dryRun);
    options.resetCursor = context.parser.isSet(context.options.resetCursor);
    options.resnapshot = context.parser.isSet(context.options.resnapshot);
    if (context.parser.isSet(context.options.backfill)) {
        for (const QString &field : context.parser.value(context.options.backfill).split(QLatin1Char(','))) {
            if (!field.trimmed().isEmpty())
                options.backfillFields << field.trimmed();
        }
        if (options.backfillFields.isEmpty())
            return usage(context, QCoreApplication::translate("SyncBridge::Cli", "--backfill needs at least one field name"));
        if (options.dryRun || options.resetCursor)
            return usage(
                context, QCoreApplication::translate("SyncBridge::Cli", "--backfill cannot be combined with --dry-run or --reset-cursor"));
    }
    options.pageSize = context.parser.value(context.options.pageSize).toInt(&pageOk);
    if (!pageOk || options.pageSize < 1 || options.pageSize > 10000)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "--page-size must be 1 to 10000"));
    if (context.parser.isSet(context.options.lookBack)) {
        // Unset, the run keeps RunOptions' default (60 s); 0 trusts the writers' now() alone.
        bool lookBackOk = false;
        options.lookBackSeconds = context.parser.value(context.options.lookBack).toInt(&lookBackOk);
        if (!lookBackOk || options.lookBackSeconds < 0)
            return usage(context,
                QCoreApplication::translate("SyncBridge::Cli", "--look-back must be a whole number of seconds, 0 or more (not '%1')")
                    .arg(context.parser.value(context.options.lookBack)));
    }
    if (const auto refused = readStreaming(context, *definition, options))
        return *refused;
    if (options.dryRun)
        options.previewRows = 100000; // every planned row with its changes, for the detailed output and --json
    const bool json = wantsJson(context);
    const bool terminal = isatty(fileno(stderr));
    const bool allowMassDelete = context.parser.isSet(context.options.allowMassDelete);
    // The tenant's budget is shared with the GUI and other runs through the store: a cron run and a
    // GUI run together stay within the minute and the day.
    RunController runs(
        context.store, context.secrets, std::make_shared<GovernorRegistry>(std::make_shared<BudgetRepository>(context.store)));
    runs.setMassDeleteApproval(
        [allowMassDelete](qint64, const MassDeleteCheck &, const RunController::MassDeleteAnswer &answer) { answer(allowMassDelete); });
    RunOutcome outcome;
    QEventLoop loop;
    QObject::connect(&runs, &RunController::progress, &loop, [&](qint64, const RunProgress &progress) {
        if (!terminal)
            return;
        context.err << '\r' << progressLine(progress);
        context.err.flush();
    });
    QObject::connect(&runs, &RunController::finished, &loop, [&](qint64, const RunOutcome &finished) {
        outcome = finished;
        loop.quit();
    });
    // SIGINT (Ctrl+C) and SIGTERM (systemd, kill) cancel the run: every wait ends at once, what was
    // answered is committed, the run is recorded CANCELLED and the process exits. A second signal
    // ends the process at once (the next run marks that run INTERRUPTED).
    StopSignals stop;
    QObject::connect(&stop, &StopSignals::received, &loop, [&](int) {
        context.err << (terminal ? QStringLiteral("\n") : QString())
                    << QCoreApplication::translate("SyncBridge::Cli", "Stopping the run… (signal again to quit at once)") << '\n';
        context.err.flush();
        runs.cancel(definition->id);
    });
    if (auto started = runs.start(definition->id, options); !started)
        return fail(context, started.error());
    loop.exec();
    if (terminal)
        context.err << '\n';
    if (outcome.runId == 0 && outcome.error && outcome.error->code() == ErrorCode::Busy) { // refused before it started
        context.err << outcome.message << '\n';
        return ExitBusy;
    }
    if (json) {
        printJson(context, outcomeJson(outcome));
        for (const QString &warning : outcome.warnings)
            context.err << QCoreApplication::translate("SyncBridge::Cli", "warning: %1").arg(warning) << '\n';
    } else {
        printOutcome(context, options, definition->name, outcome);
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

QList<Command> runCommands()
{
    return {
        {"run", nullptr,
            "<definition> [--dry-run] [--reset-cursor] [--backfill field,…] [--allow-mass-delete]\n"
            "                  [--page-size N] [--look-back SECONDS] [--for SECONDS | --until-idle] [--json]",
            QT_TRANSLATE_NOOP("SyncBridge::Cli",
                "push the definition's rows to SharePoint (CDC: drain what was committed, or keep streaming with --for/--until-idle)"),
            runDefinition},
    };
}

} // namespace SyncBridge::Cli
