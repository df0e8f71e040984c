#pragma once

#include <QString>

namespace SyncBridge::Test {

// What a finished syncbridge-cli process left: its exit code and both outputs.
struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace SyncBridge::Test
