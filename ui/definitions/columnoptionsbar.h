#pragma once

#include "model/connection.h"
#include "model/definition.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;

namespace SyncBridge {

// The options of the selected mapping that its SharePoint column's type gives it
// (docs/definitions.md, "Column types"): the column a hyperlink's text comes from, whether a text
// column gets HTML (rich text), whether new values are added to a choice column's choices. Hidden
// when the column's type has none.
class ColumnOptionsBar : public QWidget
{
    Q_OBJECT

public:
    explicit ColumnOptionsBar(QWidget *parent = nullptr);

    // The options of `mapping` into `target` (nullptr: a column the list does not have yet, which
    // provisioning makes), with the table's columns to take a description from.
    void showOptions(const FieldMapping &mapping, const SharePointColumn *target, const QStringList &sourceColumns);
    void clearOptions();

    QComboBox *descriptionCombo() const { return m_description; }
    QCheckBox *richTextBox() const { return m_richText; }
    QCheckBox *addChoicesBox() const { return m_addChoices; }

signals:
    void optionsChanged(const QString &descriptionColumn, bool richText, bool addsChoices);

private:
    void emitOptions();

    QLabel *m_descriptionLabel;
    QComboBox *m_description;
    QCheckBox *m_richText;
    QCheckBox *m_addChoices;
    bool m_filling = false; // showOptions() sets the controls: that is not a change
};

} // namespace SyncBridge
