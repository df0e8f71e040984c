#pragma once

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace SyncBridge {
class MetaStore;
class SecretStore;
}

namespace SyncBridge::Cli {

struct CliOptions;

// What every command gets: the parsed command line, the opened store, the secret store, and streams.
struct CommandContext {
    const QCommandLineParser &parser;
    const CliOptions &options;
    QStringList arguments;          // positional arguments after the command words
    std::shared_ptr<MetaStore> store;
    SecretStore &secrets;
    QTextStream &out;
    QTextStream &err;
};

// Runs "<group> <verb> …"; returns an exit code.
int runCommand(const QStringList &commandWords, CommandContext &context);

// The "Commands:" part of the help, built from the command table, and the exit codes.
QString commandSummary();

} // namespace SyncBridge::Cli
