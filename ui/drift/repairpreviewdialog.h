#pragma once

#include "sync/runprogress.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QTableWidget;

namespace SyncBridge {

// A repair's dry run before the repair: what it would create, update (only the differing fields,
// SharePoint's value → the table's), move, delete and adopt, per list and row by row, and what the
// circuit breaker would hold back. Accepting it starts the repair.
class RepairPreviewDialog : public QDialog
{
    Q_OBJECT

public:
    RepairPreviewDialog(const QString &definitionName, const RunOutcome &preview, QWidget *parent = nullptr);

    QTableWidget *planTable() const { return m_plan; }
    QTableWidget *rowsTable() const { return m_rows; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    QTableWidget *m_plan;
    QTableWidget *m_rows;
    QDialogButtonBox *m_buttons;
};

} // namespace SyncBridge
