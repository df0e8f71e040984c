#pragma once

#include "appcontext.h"

#include <QString>

#include <functional>

class QCheckBox;
class QMessageBox;
class QWidget;

namespace SyncBridge {

// Deleting or disabling a CDC definition offers to drop its replication slot and publication: while
// they stay, PostgreSQL keeps WAL for the slot, and a forgotten slot can fill the server's disk.

// The delete confirmation's option, ticked: "Also drop its replication slot and publication".
QCheckBox *addDropSlotOption(QMessageBox *question);

// After a CDC definition was saved disabled: asks whether to drop them now; the answer's outcome
// (dropped, or why not) goes to report as a message for the page.
void offerToDropSlot(QWidget *parent, const AppContext &context, qint64 definitionId, const QString &name,
    std::function<void(const QString &message, bool error)> report);

} // namespace SyncBridge
