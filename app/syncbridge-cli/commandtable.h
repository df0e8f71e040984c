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

} // namespace SyncBridge::Cli
