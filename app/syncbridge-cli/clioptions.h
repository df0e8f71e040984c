#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QCommandLineParser>
#include <QStringList>

namespace SyncBridge::Cli {

// Exit codes, documented in docs/cli.md.
enum ExitCode : int {
    ExitOk = 0,
    ExitItemFailures = 1,  // the command ran, some items failed (sync runs)
    ExitFailure = 2,       // fatal: the store, a connection or the source failed
    ExitUsage = 64,        // bad command line
    ExitInvalidInput = 65, // an input file is invalid (nothing was changed)
    ExitBusy = 75,         // the definition is running elsewhere; try again later (EX_TEMPFAIL)
    ExitCancelled = 130,   // the run was cancelled (SIGINT/SIGTERM) and recorded CANCELLED (128 + SIGINT)
};

// Every option of every command; commands read the ones they use.
struct CliOptions {
    QCommandLineOption store{QStringLiteral("store"),
                             QCoreApplication::translate("SyncBridge::Cli", "Meta-store: a SQLite file path or postgresql://user@host:port/db (password from PGPASSWORD or ~/.pgpass)."),
                             QStringLiteral("location")};
    QCommandLineOption secrets{QStringLiteral("secrets"),
                               QCoreApplication::translate("SyncBridge::Cli", "Where secrets come from: keychain (default) or env (SYNCBRIDGE_SECRET_* variables, for headless agents)."),
                               QStringLiteral("source"), QStringLiteral("keychain")};
    QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")}, QCoreApplication::translate("SyncBridge::Cli", "Write to this file instead of standard output."),
                              QStringLiteral("file")};
    QCommandLineOption all{QStringLiteral("all"), QCoreApplication::translate("SyncBridge::Cli", "Export every definition.")};
    QCommandLineOption reset{QStringLiteral("reset"),
        QCoreApplication::translate("SyncBridge::Cli",
            "Import: confirm resetting the sync position of synced definitions whose key columns, change detection or table change.")};
    QCommandLineOption name{QStringLiteral("name"),
        QCoreApplication::translate(
            "SyncBridge::Cli", "Name of the connection to add; agent: the agent's name in the store (default: the host name)."),
        QStringLiteral("name")};
    QCommandLineOption once{
        QStringLiteral("once"), QCoreApplication::translate("SyncBridge::Cli", "agent: run what is due now, wait for it, and exit.")};
    QCommandLineOption maxRuns{QStringLiteral("max-runs"),
        QCoreApplication::translate("SyncBridge::Cli", "agent: at most this many runs at once (default 4)."), QStringLiteral("n"),
        QStringLiteral("4")};
    QCommandLineOption database{QStringLiteral("database"), QCoreApplication::translate("SyncBridge::Cli", "PostgreSQL database name."), QStringLiteral("db")};
    QCommandLineOption instance{QStringLiteral("instance"), QCoreApplication::translate("SyncBridge::Cli", "Instance name (default: primary)."), QStringLiteral("name"),
                                QStringLiteral("primary")};
    QCommandLineOption host{QStringLiteral("host"), QCoreApplication::translate("SyncBridge::Cli", "Instance host."), QStringLiteral("host"), QStringLiteral("127.0.0.1")};
    QCommandLineOption port{QStringLiteral("port"), QCoreApplication::translate("SyncBridge::Cli", "Instance port."), QStringLiteral("port"), QStringLiteral("5432")};
    QCommandLineOption user{QStringLiteral("user"), QCoreApplication::translate("SyncBridge::Cli", "Database user."), QStringLiteral("user"), QStringLiteral("postgres")};
    QCommandLineOption role{QStringLiteral("role"), QCoreApplication::translate("SyncBridge::Cli", "Instance role: PRIMARY, STANDBY or REPLICA."), QStringLiteral("role"),
                            QStringLiteral("PRIMARY")};
    QCommandLineOption priority{QStringLiteral("priority"), QCoreApplication::translate("SyncBridge::Cli", "Failover priority within the role (lower first)."),
                                QStringLiteral("n"), QStringLiteral("0")};
    QCommandLineOption tenant{QStringLiteral("tenant"), QCoreApplication::translate("SyncBridge::Cli", "Entra tenant id or domain."), QStringLiteral("tenant")};
    QCommandLineOption clientId{QStringLiteral("client-id"), QCoreApplication::translate("SyncBridge::Cli", "Application (client) id."), QStringLiteral("id")};
    QCommandLineOption authority{QStringLiteral("authority"), QCoreApplication::translate("SyncBridge::Cli", "Authority host."), QStringLiteral("url"),
                                 QStringLiteral("https://login.microsoftonline.com")};
    QCommandLineOption graphUrl{QStringLiteral("graph-url"), QCoreApplication::translate("SyncBridge::Cli", "Microsoft Graph base URL."), QStringLiteral("url"),
                                QStringLiteral("https://graph.microsoft.com/v1.0")};
    QCommandLineOption secretRef{QStringLiteral("secret-ref"),
                                 QCoreApplication::translate("SyncBridge::Cli", "Keychain key of the client secret (default: sharepoint/<new uuid>); with --secrets env the secret is read from SYNCBRIDGE_SECRET_<KEY>."),
                                 QStringLiteral("key")};
    QCommandLineOption caFile{QStringLiteral("ca-file"),
        QCoreApplication::translate("SyncBridge::Cli",
            "PEM file of CA certificates trusted for this connection besides the system's (a proxy that inspects TLS, a national cloud); "
            "stored with the connection."),
        QStringLiteral("file")};
    QCommandLineOption ruPerMinute{QStringLiteral("ru-per-minute"),
                                   QCoreApplication::translate("SyncBridge::Cli", "The tenant's SharePoint budget in resource units per minute (default 1250)."),
                                   QStringLiteral("ru"), QStringLiteral("1250")};
    QCommandLineOption dryRun{QStringLiteral("dry-run"), QCoreApplication::translate("SyncBridge::Cli", "Plan only: count what a run would do, write nothing.")};
    QCommandLineOption resetCursor{QStringLiteral("reset-cursor"), QCoreApplication::translate("SyncBridge::Cli", "Compare every row again (a full re-sync that updates, never duplicates).")};
    QCommandLineOption backfill{QStringLiteral("backfill"),
                                QCoreApplication::translate("SyncBridge::Cli", "Re-push only these mapped fields (comma-separated) to every synced item; the cursor stays."),
                                QStringLiteral("fields")};
    QCommandLineOption allowMassDelete{QStringLiteral("allow-mass-delete"), QCoreApplication::translate("SyncBridge::Cli", "Confirm deletions above the definition's share of a list (the circuit breaker).")};
    QCommandLineOption pageSize{QStringLiteral("page-size"), QCoreApplication::translate("SyncBridge::Cli", "Rows read per page (default 500)."), QStringLiteral("rows"), QStringLiteral("500")};
    QCommandLineOption lookBack{QStringLiteral("look-back"),
        QCoreApplication::translate("SyncBridge::Cli",
            "UPDATED_AT: also read again the rows stamped this many seconds before the oldest open transaction (default 60), "
            "for stamps that are not the writer's now()."),
        QStringLiteral("seconds")};
    QCommandLineOption streamFor{QStringLiteral("for"),
        QCoreApplication::translate(
            "SyncBridge::Cli", "CDC: keep streaming changes for this many seconds (0: until stopped) instead of draining."),
        QStringLiteral("seconds")};
    QCommandLineOption untilIdle{QStringLiteral("until-idle"),
        QCoreApplication::translate(
            "SyncBridge::Cli", "CDC: keep streaming until nothing arrived for a short quiet period after catching up.")};
    QCommandLineOption json{QStringLiteral("json"),
        QCoreApplication::translate("SyncBridge::Cli", "Listing commands and run: print JSON (stable keys, docs/cli.md) instead of text.")};
    QCommandLineOption definition{QStringLiteral("definition"),
        QCoreApplication::translate("SyncBridge::Cli", "runs list: only the runs of this definition."), QStringLiteral("name")};
    QCommandLineOption status{QStringLiteral("status"),
        QCoreApplication::translate("SyncBridge::Cli",
            "runs list: only runs with this status (RUNNING, SUCCEEDED, PARTIALLY_FAILED, FAILED, CANCELLED, INTERRUPTED)."),
        QStringLiteral("status")};
    QCommandLineOption limit{QStringLiteral("limit"),
        QCoreApplication::translate("SyncBridge::Cli", "runs list: at most this many runs, newest first (default 20)."),
        QStringLiteral("n"), QStringLiteral("20")};
    QCommandLineOption classes{QStringLiteral("classes"),
        QCoreApplication::translate("SyncBridge::Cli", "drift repair: only these classes of drift, e.g. +,*,-,>,! (default all of them)."),
        QStringLiteral("classes")};
    QCommandLineOption only{QStringLiteral("only"),
        QCoreApplication::translate(
            "SyncBridge::Cli", "drift repair: only these differences, by the repairKey `drift check --json` gives each (comma-separated)."),
        QStringLiteral("keys")};
    QCommandLineOption resnapshot{QStringLiteral("resnapshot"),
        QCoreApplication::translate("SyncBridge::Cli",
            "CDC: approve loading the table again in a new replication slot when the definition's slot is gone or lost (items are "
            "matched, not duplicated).")};
    QCommandLineOption dropSlot{QStringLiteral("drop-slot"),
        QCoreApplication::translate(
            "SyncBridge::Cli", "definitions delete: also drop the CDC definition's replication slot and publication on PostgreSQL.")};
    QCommandLineOption passwordStdin{QStringLiteral("password-stdin"), QCoreApplication::translate("SyncBridge::Cli", "Read the password or client secret from standard input and store it in the keychain.")};

    QCommandLineOption use{QStringLiteral("use"),
        QCoreApplication::translate("SyncBridge::Cli", "conflicts resolve: take this side's value: database or sharepoint."),
        QStringLiteral("side")};
    QCommandLineOption value{QStringLiteral("value"),
        QCoreApplication::translate("SyncBridge::Cli", "conflicts resolve: give both sides this value (read as the field's column type)."),
        QStringLiteral("text")};

    void addTo(QCommandLineParser &parser) const;
};

} // namespace SyncBridge::Cli
