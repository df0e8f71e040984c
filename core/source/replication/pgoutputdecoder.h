#pragma once

#include "common/result.h"
#include "source/replication/pgoutput.h"

namespace SyncBridge {

// Decodes one pgoutput message (the payload of one XLogData frame). A message that is truncated,
// has trailing bytes, or a type this version does not know (protocol 2's streaming messages, which
// the stream never asks for) is an InvalidInput error naming its first byte — never a crash.
Result<PgOutputMessage> decodePgOutput(const QByteArray &message);

} // namespace SyncBridge
