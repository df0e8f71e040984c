#pragma once

#include <QList>

namespace SyncBridge::Cli {

struct CommandContext;

// One row per command: what `--help` lists and what runCommand() dispatches to, so the two cannot disagree.
struct Command {
    // The first word ("connections") and the second ("test"); verb is nullptr for one-word commands ("run <definition>").
    const char *group;
    const char *verb;
    // As the help shows them after the words, untranslated; nullptr when there are none. A long usage continues on
    // lines of its own ("\n" and the indentation it is shown with); its summary then goes on a line below it.
    const char *arguments;
    // One line, marked with QT_TRANSLATE_NOOP("SyncBridge::Cli", …) and translated when the help is built;
    // nullptr when the usage says enough.
    const char *summary;
    // Gets the arguments after the command's words in context.arguments; returns an exit code.
    int (*run)(CommandContext &context);
};

// The command groups, one file each (connectionCommands() in connectioncommands.cpp), listed in commands.cpp in the
// order the help shows them. A new group is a file with its handlers and rows, a line here, one in commands.cpp and
// one in CMakeLists.txt; a new verb in a group is a handler and a row in its file.
QList<Command> summaryCommands();
QList<Command> connectionCommands();
QList<Command> introspectCommands();
QList<Command> definitionCommands();
QList<Command> runCommands();
QList<Command> runsCommands();
QList<Command> retryCommands();
QList<Command> cdcCommands();
QList<Command> conflictCommands();
QList<Command> listCommands();
QList<Command> agentCommands();
QList<Command> driftCommands();

// What the meta-store holds: `summary`, and `connections list` too.
int showSummary(CommandContext &context);
// `run <definition>` (context.arguments holds the name): `retry now` runs the definition as `run` does.
int runDefinition(CommandContext &context);

} // namespace SyncBridge::Cli
