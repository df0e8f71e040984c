#pragma once

#include "drift/driftreport.h"

#include <QColor>

namespace SyncBridge {

// One colour per drift class, the same in the counts, the differences and the trend.
inline QColor driftClassColor(DriftClass driftClass)
{
    switch (driftClass) {
    case DriftClass::InSync:
        return QColor(0x2e, 0x7d, 0x32);
    case DriftClass::Missing:
        return QColor(0x15, 0x65, 0xc0);
    case DriftClass::Orphan:
        return QColor(0xc6, 0x28, 0x28);
    case DriftClass::Differs:
        return QColor(0xef, 0x6c, 0x00);
    case DriftClass::WrongList:
        return QColor(0x6a, 0x1b, 0x9a);
    case DriftClass::Duplicate:
        return QColor(0xad, 0x14, 0x57);
    case DriftClass::Unkeyed:
        return QColor(0x54, 0x6e, 0x7a);
    }
    return {};
}

} // namespace SyncBridge
