// `runs list|show`: the run history as the GUI's Runs page shows it — counts, events and the retry queue.
#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "commandtable.h"
#include "retryqueue.h"

#include "common/error.h"
#include "model/definition.h"
#include "store/definitionrepository.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/runrepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace SyncBridge::Cli {
namespace {

const QString finishedEvent = QStringLiteral("run-finished");
const QString heldBackEvent = QStringLiteral("deletes-held-back");

// What a run's record does not hold, read from its events: deletions held back (every push run
// records them as events), and what it left waiting (runs recorded since the counts went into the
// run-finished event; unknown for older ones).
struct RunFacts {
    qint64 heldBackDeletes = 0;
    std::optional<qint64> retryQueue;
    std::optional<qint64> writesPending;
    QString errorKind;
    QString errorDetail;
};

RunFacts factsFrom(const QList<RunEvent> &events)
{
    RunFacts facts;
    for (const RunEvent &event : events) {
        if (event.type == heldBackEvent)
            facts.heldBackDeletes += event.payload.value(QStringLiteral("deletions")).toInteger();
        if (event.type != finishedEvent)
            continue;
        const QJsonObject &p = event.payload;
        if (p.contains(QStringLiteral("retryQueue")))
            facts.retryQueue = p.value(QStringLiteral("retryQueue")).toInteger();
        if (p.contains(QStringLiteral("writesPending")))
            facts.writesPending = p.value(QStringLiteral("writesPending")).toInteger();
        facts.errorKind = p.value(QStringLiteral("errorKind")).toString();
        facts.errorDetail = p.value(QStringLiteral("detail")).toString();
    }
    return facts;
}

QString optionalText(const std::optional<qint64> &value)
{
    return value ? QString::number(*value) : QStringLiteral("-");
}

QJsonValue optionalJson(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

qint64 durationSeconds(const SyncRun &run)
{
    return run.finishedAt.isValid() ? qMax<qint64>(0, run.startedAt.secsTo(run.finishedAt)) : -1;
}

QJsonObject runJson(const SyncRun &run, const QString &definition, const RunFacts &facts)
{
    const RunCounters &c = run.counters;
    const qint64 seconds = durationSeconds(run);
    QJsonObject error;
    if (!facts.errorKind.isEmpty() || !facts.errorDetail.isEmpty())
        error = {{QStringLiteral("kind"), facts.errorKind}, {QStringLiteral("detail"), facts.errorDetail}};
    return QJsonObject{{QStringLiteral("id"), run.id}, {QStringLiteral("definition"), definition},
        {QStringLiteral("definitionId"), run.definitionId}, {QStringLiteral("type"), enumName(run.type)},
        {QStringLiteral("status"), enumName(run.status)}, {QStringLiteral("startedAt"), utcJson(run.startedAt)},
        {QStringLiteral("finishedAt"), utcJson(run.finishedAt)},
        {QStringLiteral("durationSeconds"), seconds < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(seconds)},
        {QStringLiteral("agent"), run.agent}, {QStringLiteral("agentName"), run.agentName},
        {QStringLiteral("trigger"), enumName(run.trigger)}, {QStringLiteral("message"), run.message},
        {QStringLiteral("counts"),
            QJsonObject{{QStringLiteral("read"), c.rowsRead}, {QStringLiteral("created"), c.created},
                {QStringLiteral("updated"), c.updated}, {QStringLiteral("moved"), c.moved}, {QStringLiteral("deleted"), c.deleted},
                {QStringLiteral("unchanged"), c.skipped}, {QStringLiteral("failed"), c.failed},
                {QStringLiteral("heldBackDeletes"), facts.heldBackDeletes},
                {QStringLiteral("waitingInRetryQueue"), optionalJson(facts.retryQueue)},
                {QStringLiteral("writesPending"), optionalJson(facts.writesPending)}, {QStringLiteral("ruSpent"), c.ruSpent}}},
        {QStringLiteral("error"), error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(error)}};
}

QString durationCell(const SyncRun &run)
{
    const qint64 seconds = durationSeconds(run);
    return seconds < 0 ? QCoreApplication::translate("SyncBridge::Cli", "running") : durationText(seconds);
}

int listRuns(CommandContext &context)
{
    if (!context.arguments.isEmpty())
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "runs list takes no arguments, only options"));
    const CliOptions &o = context.options;
    auto definitions = DefinitionRepository(*context.store).all();
    if (!definitions)
        return fail(context, definitions.error());
    QHash<qint64, QString> names;
    for (const SyncDefinition &definition : std::as_const(*definitions))
        names.insert(definition.id, definition.name);

    RunFilter filter;
    if (context.parser.isSet(o.definition)) {
        const QString name = context.parser.value(o.definition);
        filter.definitionId = names.key(name, 0);
        if (filter.definitionId == 0)
            return usage(
                context, QCoreApplication::translate("SyncBridge::Cli", "--definition: no sync definition is called '%1'").arg(name));
    }
    if (context.parser.isSet(o.status)) {
        const QString text = context.parser.value(o.status);
        filter.status = fromString<RunStatus>(text.toUpper().replace(QLatin1Char('-'), QLatin1Char('_')));
        if (!filter.status)
            return usage(context,
                QCoreApplication::translate("SyncBridge::Cli", "--status: '%1' is not one of %2")
                    .arg(text, allNames<RunStatus>().join(QStringLiteral(", "))));
    }
    bool limitOk = false;
    filter.limit = context.parser.value(o.limit).toInt(&limitOk);
    if (!limitOk || filter.limit < 1)
        return usage(context,
            QCoreApplication::translate("SyncBridge::Cli", "--limit must be a whole number, 1 or more (not '%1')")
                .arg(context.parser.value(o.limit)));

    RunRepository repository(*context.store);
    auto runs = repository.runs(filter);
    if (!runs)
        return fail(context, runs.error());
    QList<qint64> ids;
    for (const SyncRun &run : std::as_const(*runs))
        ids << run.id;
    auto events = repository.eventsOfType(ids, {finishedEvent, heldBackEvent});
    if (!events)
        return fail(context, events.error());

    if (wantsJson(context)) {
        QJsonArray array;
        for (const SyncRun &run : std::as_const(*runs))
            array.append(runJson(run, names.value(run.definitionId), factsFrom(events->value(run.id))));
        printJson(context, array);
        return ExitOk;
    }
    if (runs->isEmpty()) {
        context.out << QCoreApplication::translate("SyncBridge::Cli", "No runs match.") << '\n';
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const SyncRun &run : std::as_const(*runs)) {
        const RunFacts facts = factsFrom(events->value(run.id));
        const RunCounters &c = run.counters;
        rows << QStringList{QString::number(run.id), names.value(run.definitionId), enumName(run.type), enumName(run.trigger),
            enumName(run.status), run.agentName, utcText(run.startedAt), durationCell(run), QString::number(c.rowsRead),
            QString::number(c.created), QString::number(c.updated), QString::number(c.moved), QString::number(c.deleted),
            QString::number(facts.heldBackDeletes), QString::number(c.failed), optionalText(facts.retryQueue)};
    }
    const QStringList header{QCoreApplication::translate("SyncBridge::Cli", "RUN"),
        QCoreApplication::translate("SyncBridge::Cli", "DEFINITION"), QCoreApplication::translate("SyncBridge::Cli", "TYPE"),
        QCoreApplication::translate("SyncBridge::Cli", "TRIGGER"), QCoreApplication::translate("SyncBridge::Cli", "STATUS"),
        QCoreApplication::translate("SyncBridge::Cli", "AGENT"), QCoreApplication::translate("SyncBridge::Cli", "STARTED (UTC)"),
        QCoreApplication::translate("SyncBridge::Cli", "DURATION"), QCoreApplication::translate("SyncBridge::Cli", "READ"),
        QCoreApplication::translate("SyncBridge::Cli", "CREATED"), QCoreApplication::translate("SyncBridge::Cli", "UPDATED"),
        QCoreApplication::translate("SyncBridge::Cli", "MOVED"), QCoreApplication::translate("SyncBridge::Cli", "DELETED"),
        QCoreApplication::translate("SyncBridge::Cli", "HELD BACK"), QCoreApplication::translate("SyncBridge::Cli", "FAILED"),
        QCoreApplication::translate("SyncBridge::Cli", "WAITING")};
    context.out << formatTable(header, rows, 8);
    return ExitOk;
}

// "HTTP 400 invalidRequest: Field 'name' …": what SharePoint said about a row, as far as the event knows it.
QString graphErrorText(const QJsonObject &payload)
{
    QStringList parts;
    if (payload.contains(QStringLiteral("status")))
        parts << QStringLiteral("HTTP %1").arg(payload.value(QStringLiteral("status")).toInt());
    if (payload.contains(QStringLiteral("code")))
        parts << payload.value(QStringLiteral("code")).toString();
    const QString error = payload.value(QStringLiteral("error")).toString();
    if (parts.isEmpty())
        return error;
    return error.isEmpty() ? parts.join(QLatin1Char(' ')) : parts.join(QLatin1Char(' ')) + QStringLiteral(": ") + error;
}

int showRun(CommandContext &context)
{
    bool idOk = false;
    const qint64 runId = context.arguments.size() == 1 ? context.arguments.constFirst().toLongLong(&idOk) : 0;
    if (!idOk || runId < 1)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "runs show takes one run id (a number, see runs list)"));
    RunRepository repository(*context.store);
    auto run = repository.run(runId);
    if (!run)
        return fail(context, run.error());
    auto definition = DefinitionRepository(*context.store).byId(run->definitionId);
    if (!definition)
        return fail(context, definition.error());
    auto events = repository.events(runId);
    if (!events)
        return fail(context, events.error());
    auto queue = waitingRows(context, *definition);
    if (!queue)
        return fail(context, queue.error());
    const RunFacts facts = factsFrom(*events);

    if (wantsJson(context)) {
        QJsonArray eventArray;
        for (const RunEvent &event : std::as_const(*events)) {
            const QJsonObject &p = event.payload;
            eventArray.append(QJsonObject{{QStringLiteral("at"), utcJson(event.at)}, {QStringLiteral("severity"), enumName(event.severity)},
                {QStringLiteral("type"), event.type}, {QStringLiteral("message"), event.message},
                {QStringLiteral("identity"), p.contains(QStringLiteral("identity")) ? p.value(QStringLiteral("identity")) : QJsonValue()},
                {QStringLiteral("error"), p.contains(QStringLiteral("error")) ? p.value(QStringLiteral("error")) : QJsonValue()},
                {QStringLiteral("httpStatus"), p.contains(QStringLiteral("status")) ? p.value(QStringLiteral("status")) : QJsonValue()},
                {QStringLiteral("graphCode"), p.contains(QStringLiteral("code")) ? p.value(QStringLiteral("code")) : QJsonValue()},
                {QStringLiteral("payload"), p}});
        }
        QJsonObject object = runJson(*run, definition->name, facts);
        object.insert(QStringLiteral("events"), eventArray);
        object.insert(QStringLiteral("retryQueue"), waitingRowsJson(*queue));
        printJson(context, object);
        return ExitOk;
    }

    const RunCounters &c = run->counters;
    QTextStream &out = context.out;
    out << QCoreApplication::translate("SyncBridge::Cli", "Run %1 of '%2' (%3): %4")
               .arg(run->id)
               .arg(definition->name, enumName(run->type), enumName(run->status))
        << '\n';
    out << "  "
        << QCoreApplication::translate("SyncBridge::Cli", "started  %1 UTC, %2, by %3")
               .arg(utcText(run->startedAt), durationCell(*run), run->agentName.isEmpty() ? run->agent : run->agentName)
        << '\n';
    out << "  " << QCoreApplication::translate("SyncBridge::Cli", "summary  %1").arg(run->message) << '\n';
    out << "  "
        << QCoreApplication::translate("SyncBridge::Cli", "rows     %1 read: %2 created, %3 updated, %4 moved, %5 unchanged, %6 failed")
               .arg(c.rowsRead)
               .arg(c.created)
               .arg(c.updated)
               .arg(c.moved)
               .arg(c.skipped)
               .arg(c.failed)
        << '\n';
    out << "  "
        << QCoreApplication::translate("SyncBridge::Cli", "deletes  %1 deleted, %2 held back by the circuit breaker")
               .arg(c.deleted)
               .arg(facts.heldBackDeletes);
    if (facts.heldBackDeletes > 0)
        out << ' '
            << QCoreApplication::translate("SyncBridge::Cli", "(confirm with: syncbridge-cli run \"%1\" --allow-mass-delete)")
                   .arg(definition->name);
    out << '\n';
    if (facts.retryQueue)
        out << "  "
            << QCoreApplication::translate(
                   "SyncBridge::Cli", "waiting  %n row(s) in the retry queue when the run ended, %1 now", nullptr, int(*facts.retryQueue))
                   .arg(queue->size())
            << '\n';
    else
        out << "  "
            << QCoreApplication::translate("SyncBridge::Cli", "waiting  %n row(s) in the retry queue now", nullptr, int(queue->size()))
            << '\n';
    if (facts.writesPending && *facts.writesPending > 0)
        out << "  "
            << QCoreApplication::translate(
                   "SyncBridge::Cli", "pending  %n write(s) wait to be confirmed by the next run", nullptr, int(*facts.writesPending))
            << '\n';
    out << "  " << QCoreApplication::translate("SyncBridge::Cli", "budget   %1 RU").arg(c.ruSpent) << '\n';
    if (!facts.errorKind.isEmpty())
        out << "  " << QCoreApplication::translate("SyncBridge::Cli", "error    %1: %2").arg(facts.errorKind, facts.errorDetail) << '\n';

    out << '\n' << QCoreApplication::translate("SyncBridge::Cli", "Events (%1):").arg(events->size()) << '\n';
    for (const RunEvent &event : std::as_const(*events)) {
        const QString identity = event.payload.value(QStringLiteral("identity")).toString();
        out << "  " << event.at.toUTC().toString(QStringLiteral("HH:mm:ss")) << "  " << enumName(event.severity).leftJustified(7) << "  "
            << event.type;
        if (!identity.isEmpty())
            out << "  " << QCoreApplication::translate("SyncBridge::Cli", "row %1").arg(identity);
        out << '\n';
        const QString graphError = graphErrorText(event.payload);
        // An item's event says the row and the error; other events say what happened.
        if (!identity.isEmpty() && !graphError.isEmpty())
            out << "      " << graphError << '\n';
        else
            out << "      " << event.message << '\n';
    }
    out << '\n';
    printWaitingRows(context, *queue);
    return ExitOk;
}

} // namespace

QList<Command> runsCommands()
{
    return {
        {"runs", "list", "[--definition D] [--status S] [--limit N] [--json]",
            QT_TRANSLATE_NOOP("SyncBridge::Cli", "run history, newest first"), listRuns},
        {"runs", "show", "<run-id> [--json]", QT_TRANSLATE_NOOP("SyncBridge::Cli", "a run's counts, events and the retry queue"), showRun},
    };
}

} // namespace SyncBridge::Cli
