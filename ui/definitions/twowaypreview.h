#pragma once

#include "sync/previewrow.h"

#include <QCoreApplication>
#include <QStringList>

namespace SyncBridge {

// A two-way dry run as the editor's preview shows it: its actions ("match", "pull create", "push
// update", "conflict", …, the keys of TwoWayRun's plan) in the order a person reads them, their names,
// and what each planned row writes to which side — or, for a conflict, the last agreed value and both
// sides' values.
class TwoWayPreview
{
    Q_DECLARE_TR_FUNCTIONS(SyncBridge::TwoWayPreview)

public:
    // One line of the selected row's detail: the field, the side (or the value's role), the value.
    struct DetailLine {
        QString field;
        QString side;
        QString value;
    };

    static const QStringList &actions();
    static bool isTwoWayAction(const QString &action);
    // The plan table's header of an action (two lines: the side, then what happens).
    static QString planHeader(const QString &action);
    static QString actionText(const QString &action);
    static QString changesText(const PreviewRow &row);
    static QList<DetailLine> detail(const PreviewRow &row);
};

} // namespace SyncBridge
