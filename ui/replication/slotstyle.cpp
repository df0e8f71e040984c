#include "replication/slotstyle.h"

namespace SyncBridge {

QString slotSeverityStyle(SlotSeverity severity, const QString &padding)
{
    const bool red = severity == SlotSeverity::Critical || severity == SlotSeverity::Lost;
    return QStringLiteral("QLabel { padding: %1; border-radius: 4px; background: %2; color: %3; }")
        .arg(padding, red ? QStringLiteral("#fdecea") : QStringLiteral("#fff4e5"),
            red ? QStringLiteral("#8e1b1b") : QStringLiteral("#6b4300"));
}

} // namespace SyncBridge
