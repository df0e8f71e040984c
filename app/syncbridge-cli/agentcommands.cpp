// `agent` (a scheduling agent in the foreground, for systemd or a terminal) and `agents` (the fleet
// sharing the store).
#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "commandtable.h"
#include "common/translations.h"
#include "stopsignals.h"

#include "agent/driftwatch.h"
#include "agent/scheduleragent.h"
#include "agent/slotwatch.h"
#include "graph/governorregistry.h"
#include "store/agentrepository.h"
#include "store/budgetrepository.h"
#include "store/metastore.h"
#include "sync/runcontroller.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QTime>

#include <cstdio>
#include <unistd.h>

namespace SyncBridge::Cli {
namespace {

QString triggerText(RunTrigger trigger)
{
    switch (trigger) {
    case RunTrigger::Manual:
        return QCoreApplication::translate("SyncBridge::Cli", "manual");
    case RunTrigger::Scheduled:
        return QCoreApplication::translate("SyncBridge::Cli", "scheduled");
    case RunTrigger::CatchUp:
        return QCoreApplication::translate("SyncBridge::Cli", "catch-up");
    }
    return {};
}

// One line per event, plain text: journald stamps and colours nothing itself, so a line carries no
// escape codes; on a terminal it starts with the local time.
class AgentConsole
{
public:
    explicit AgentConsole(QTextStream &out)
        : m_out(out)
        , m_terminal(isatty(fileno(stdout)))
    {
    }
    void line(const QString &text)
    {
        if (m_terminal)
            m_out << QTime::currentTime().toString(QStringLiteral("HH:mm:ss")) << ' ';
        m_out << text << '\n';
        m_out.flush();
    }

private:
    QTextStream &m_out;
    const bool m_terminal;
};

int runAgent(CommandContext &context)
{
    if (!context.arguments.isEmpty())
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "agent takes no arguments, only options"));
    AgentOptions options;
    options.name = context.parser.value(context.options.name);
    bool maxOk = false;
    options.maxConcurrentRuns = context.parser.value(context.options.maxRuns).toInt(&maxOk);
    if (!maxOk || options.maxConcurrentRuns < 1)
        return usage(context,
            QCoreApplication::translate("SyncBridge::Cli", "--max-runs must be a whole number, 1 or more (not '%1')")
                .arg(context.parser.value(context.options.maxRuns)));
    // Runs spend the tenant's budget shared through the store with every other agent and the GUI.
    // No one is asked about mass deletions: a scheduled run holds them back and pauses its schedule.
    RunController runs(
        context.store, context.secrets, std::make_shared<GovernorRegistry>(std::make_shared<BudgetRepository>(context.store)));
    SchedulerAgent agent(context.store, runs, options);
    // Scheduled drift checks (docs/drift.md): read-only, one at a time, each occurrence by one agent.
    DriftWatch driftWatch(context.store, context.secrets, runs.governors(), agent.name());
    AgentConsole console(context.out);
    QEventLoop loop;
    std::optional<Error> failure;
    QObject::connect(&agent, &SchedulerAgent::started, &loop, [&]() {
        const int scheduled = agent.scheduledCount();
        console.line(
            QCoreApplication::translate("SyncBridge::Cli", "agent %1 started; scheduled definitions: %2").arg(agent.name()).arg(scheduled));
    });
    QObject::connect(&agent, &SchedulerAgent::failed, &loop, [&](const Error &error) {
        failure = error;
        loop.quit();
    });
    QObject::connect(&agent, &SchedulerAgent::runStarted, &loop, [&](qint64 id, RunTrigger trigger) {
        const QString name = agent.definitionName(id);
        const QString kind = triggerText(trigger);
        console.line(QCoreApplication::translate("SyncBridge::Cli", "started %1 run of '%2'").arg(kind, name));
    });
    QObject::connect(&agent, &SchedulerAgent::runFinished, &loop, [&](qint64 id, const RunOutcome &outcome, RunTrigger trigger) {
        const QString name = agent.definitionName(id);
        const QString kind = triggerText(trigger);
        const QString status = enumName(outcome.status);
        console.line(QCoreApplication::translate("SyncBridge::Cli", "finished %1 run %2 of '%3': %4 — %5")
                         .arg(kind)
                         .arg(outcome.runId)
                         .arg(name, status, outcome.message));
    });
    QObject::connect(&agent, &SchedulerAgent::deletionsHeld, &loop, [&](qint64 id, qint64 deletions) {
        const QString name = agent.definitionName(id);
        console.line(QCoreApplication::translate("SyncBridge::Cli",
            "'%1': deletions held back by the circuit breaker: %2; its schedule is paused until someone checks the source and "
            "resumes it")
                         .arg(name)
                         .arg(deletions));
    });
    QObject::connect(&agent, &SchedulerAgent::stopped, &loop, [&]() {
        console.line(QCoreApplication::translate("SyncBridge::Cli", "agent %1 stopped").arg(agent.name()));
        loop.quit();
    });
    // SIGTERM (systemd) and SIGINT (Ctrl+C): the runs in flight finish what is on the wire, commit
    // and are recorded CANCELLED; claims and leases are given back; exit 0. A second signal ends the
    // process at once (another agent, or the next start, takes its runs over).
    StopSignals stop;
    QObject::connect(&stop, &StopSignals::received, &loop, [&](int) {
        const int running = agent.runningCount();
        console.line(QCoreApplication::translate(
            "SyncBridge::Cli", "stopping; runs in flight: %1 — they finish what is on the wire and commit (signal again to quit at once)")
                         .arg(running));
        agent.stop();
        driftWatch.stop();
    });
    QObject::connect(&driftWatch, &DriftWatch::checked, &loop, [&](qint64, const QString &name, const DriftReport &report) {
        console.line(report.inSync()
                ? QCoreApplication::translate("SyncBridge::Cli", "drift check of '%1': in sync").arg(name)
                : QCoreApplication::translate("SyncBridge::Cli", "warning: drift check of '%1' found %n difference(s): %2", nullptr,
                    pluralCount(report.differences()))
                      .arg(name, driftTotalsText(report)));
    });
    QObject::connect(&driftWatch, &DriftWatch::failed, &loop, [&](qint64, const QString &name, const Error &error) {
        console.line(QCoreApplication::translate("SyncBridge::Cli", "warning: drift check of '%1' failed: %2").arg(name, error.message()));
    });
    // The slot guardian: a CDC definition's slot entering warning, critical or lost is logged once as a
    // warning line, and so is its recovery (docs/sync-engine.md, "The slot guardian").
    SlotWatch slotWatch(context.store, context.secrets);
    QObject::connect(&slotWatch, &SlotWatch::alerted, &loop, [&](const SlotAlert &alert, const QString &name, const SlotHealth &health) {
        console.line(alert.recovered() ? QCoreApplication::translate("SyncBridge::Cli", "'%1': its replication slot is OK again").arg(name)
                                       : QCoreApplication::translate("SyncBridge::Cli", "warning: '%1': replication slot %2: %3")
                                             .arg(name, slotSeverityText(alert.to), health.findings.join(QLatin1Char(' '))));
    });
    if (context.parser.isSet(context.options.once)) {
        agent.runDueOnce();
    } else {
        agent.start();
        slotWatch.start();
        driftWatch.start();
    }
    loop.exec();
    if (failure)
        return failure->code() == ErrorCode::Busy ? (context.err << failure->message() << '\n', int(ExitBusy)) : fail(context, *failure);
    return ExitOk;
}

int listAgents(CommandContext &context)
{
    if (!context.arguments.isEmpty())
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "agents takes no arguments, only options"));
    AgentRepository repository(*context.store);
    auto agents = repository.agents();
    if (!agents)
        return fail(context, agents.error());
    auto now = repository.databaseNow(); // heartbeats are the database's times: their age is too
    if (!now)
        return fail(context, now.error());
    if (wantsJson(context)) {
        QJsonArray array;
        for (const AgentRecord &agent : std::as_const(*agents))
            array.append(QJsonObject{{QStringLiteral("name"), agent.name}, {QStringLiteral("host"), agent.host},
                {QStringLiteral("pid"), agent.pid}, {QStringLiteral("version"), agent.version},
                {QStringLiteral("startedAt"), utcJson(agent.startedAt)}, {QStringLiteral("heartbeatAt"), utcJson(agent.heartbeatAt)},
                {QStringLiteral("heartbeatAgeSeconds"), agent.heartbeatAt.secsTo(*now)}, {QStringLiteral("paused"), agent.paused},
                {QStringLiteral("running"), QJsonArray::fromStringList(agent.running)}});
        printJson(context, array);
        return ExitOk;
    }
    if (agents->isEmpty()) {
        context.out << QCoreApplication::translate("SyncBridge::Cli", "No agent is running on this store.") << '\n';
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const AgentRecord &agent : std::as_const(*agents)) {
        const QString age = durationText(qMax<qint64>(0, agent.heartbeatAt.secsTo(*now)));
        const QString heartbeat = QCoreApplication::translate("SyncBridge::Cli", "%1 (%2 ago)").arg(utcText(agent.heartbeatAt), age);
        const QString running = agent.paused
            ? QCoreApplication::translate("SyncBridge::Cli", "(paused)") + QLatin1Char(' ') + agent.running.join(QStringLiteral(", "))
            : agent.running.join(QStringLiteral(", "));
        rows << QStringList{agent.name, agent.host, QString::number(agent.pid), agent.version, heartbeat, running.trimmed()};
    }
    const QStringList header{QCoreApplication::translate("SyncBridge::Cli", "NAME"), QCoreApplication::translate("SyncBridge::Cli", "HOST"),
        QCoreApplication::translate("SyncBridge::Cli", "PID"), QCoreApplication::translate("SyncBridge::Cli", "VERSION"),
        QCoreApplication::translate("SyncBridge::Cli", "LAST HEARTBEAT (UTC)"), QCoreApplication::translate("SyncBridge::Cli", "RUNNING")};
    context.out << formatTable(header, rows, int(header.size()));
    return ExitOk;
}

} // namespace

QList<Command> agentCommands()
{
    return {
        {"agent", nullptr, "[--name NAME] [--once] [--max-runs N]",
            QT_TRANSLATE_NOOP("SyncBridge::Cli", "run the store's scheduled definitions until SIGTERM (--once: what is due now)"),
            runAgent},
        {"agents", nullptr, "[--json]", QT_TRANSLATE_NOOP("SyncBridge::Cli", "the agents sharing the store and what they run"), listAgents},
    };
}

} // namespace SyncBridge::Cli
