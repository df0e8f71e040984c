#pragma once

#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"

#include <QDialog>

class QComboBox;
class QLabel;

namespace SyncBridge {

// The keyboard way to a mapping: pick a source column and a SharePoint column from two lists.
// SharePoint columns already mapped are marked, SharePoint-managed ones say they are read-only.
class MappingPicker : public QDialog
{
    Q_OBJECT

public:
    MappingPicker(const TableInfo &table, const QList<SharePointColumn> &targets, const QList<FieldMapping> &existing, FieldDirection direction,
                  QWidget *parent = nullptr);

    QComboBox *sourceCombo() const { return m_source; }
    QComboBox *targetCombo() const { return m_target; }
    QComboBox *directionCombo() const { return m_direction; }
    FieldMapping mapping() const;

private:
    void describe();

    QComboBox *m_source;
    QComboBox *m_target;
    QComboBox *m_direction;
    QLabel *m_note;
    QList<SharePointColumn> m_targets;
    QString m_chosenDirection;      // what the user (or the definition's mode) chose; a read-only target only overrides it
};

} // namespace SyncBridge
