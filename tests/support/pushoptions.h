#pragma once

#include "sync/push/pushrun.h"

namespace SyncBridge::Test {

// RunOptions for a test run, named instead of positional. The suites stamp rows seconds apart and
// count exactly what a run reads, so the look-back floor is 0 (the open-transaction horizon stays:
// tst_nosilentloss covers it and the floor).
struct RunKind {
    bool dryRun = false;
    bool resetCursor = false;
};

inline RunOptions pushOptions(int pageSize, RunKind kind = {}, int previewRows = 0)
{
    RunOptions options;
    options.pageSize = pageSize;
    options.dryRun = kind.dryRun;
    options.resetCursor = kind.resetCursor;
    options.previewRows = previewRows;
    options.lookBackSeconds = 0;
    return options;
}

inline constexpr RunKind dryRun{true, false};
inline constexpr RunKind resetCursor{false, true};

} // namespace SyncBridge::Test
