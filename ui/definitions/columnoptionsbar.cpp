#include "definitions/columnoptionsbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

namespace SyncBridge {

ColumnOptionsBar::ColumnOptionsBar(QWidget *parent)
    : QWidget(parent)
    , m_descriptionLabel(new QLabel(tr("Link te&xt from:"), this))
    , m_description(new QComboBox(this))
    , m_richText(new QCheckBox(tr("Holds &HTML (rich text)"), this))
    , m_addChoices(new QCheckBox(tr("Add ne&w values to the column's choices"), this))
{
    setObjectName(QStringLiteral("columnOptionsBar"));
    m_description->setObjectName(QStringLiteral("linkDescriptionColumn"));
    m_richText->setObjectName(QStringLiteral("richTextOption"));
    m_addChoices->setObjectName(QStringLiteral("addChoicesOption"));
    m_descriptionLabel->setBuddy(m_description);
    m_description->setToolTip(tr("The source column whose value is the link's text in SharePoint; a pull writes the text back into it"));
    m_richText->setToolTip(
        tr("The source column holds HTML: a list SyncBridge provisions gets a column of rich text for it. Values are sent as they are "
           "either way."));
    m_addChoices->setToolTip(
        tr("A value the choice column does not offer is added to its choices before the rows that carry it are written. Off: such a "
           "row fails with SharePoint's reason and waits in the retry queue."));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_descriptionLabel);
    layout->addWidget(m_description);
    layout->addWidget(m_richText);
    layout->addWidget(m_addChoices);
    layout->addStretch();

    connect(m_description, &QComboBox::currentIndexChanged, this, &ColumnOptionsBar::emitOptions);
    connect(m_richText, &QCheckBox::toggled, this, &ColumnOptionsBar::emitOptions);
    connect(m_addChoices, &QCheckBox::toggled, this, &ColumnOptionsBar::emitOptions);
    clearOptions();
}

void ColumnOptionsBar::showOptions(const FieldMapping &mapping, const SharePointColumn *target, const QStringList &sourceColumns)
{
    const bool value = mapping.kind == FieldKind::Value;
    const QString type = target ? target->type : QString();
    // An option already set stays shown, so that it can be turned off whatever the column became.
    const bool link = type == QLatin1String("hyperlinkOrPicture") || !mapping.descriptionColumn.isEmpty();
    const bool html = (value && (!target || type == QLatin1String("text"))) || mapping.richText;
    const bool choices = (value && type == QLatin1String("choice") && !target->allowTextEntry) || mapping.addsChoices;

    m_filling = true;
    m_description->clear();
    m_description->addItem(tr("the URL itself"), QString());
    for (const QString &column : sourceColumns) {
        if (column != mapping.sourceColumn)
            m_description->addItem(column, column);
    }
    if (!mapping.descriptionColumn.isEmpty() && m_description->findData(mapping.descriptionColumn) < 0)
        m_description->addItem(tr("%1 (not a column of the table)").arg(mapping.descriptionColumn), mapping.descriptionColumn);
    m_description->setCurrentIndex(m_description->findData(mapping.descriptionColumn));
    m_richText->setChecked(mapping.richText);
    m_addChoices->setChecked(mapping.addsChoices);
    m_filling = false;

    m_descriptionLabel->setVisible(link);
    m_description->setVisible(link);
    m_richText->setVisible(html);
    m_addChoices->setVisible(choices);
    setVisible(link || html || choices);
}

void ColumnOptionsBar::clearOptions()
{
    m_filling = true;
    m_description->clear();
    m_richText->setChecked(false);
    m_addChoices->setChecked(false);
    m_filling = false;
    hide();
}

void ColumnOptionsBar::emitOptions()
{
    if (m_filling)
        return;
    emit optionsChanged(m_description->currentData().toString(), m_richText->isChecked(), m_addChoices->isChecked());
}

} // namespace SyncBridge
