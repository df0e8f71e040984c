#include "conflicts/conflictcomparison.h"

#include "conflicts/conflictvaluetext.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

QString when(const QDateTime &moment)
{
    return QLocale().toString(moment.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

ConflictComparison::ConflictComparison(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_decision(new QLabel(this))
{
    setObjectName(QStringLiteral("conflictComparison"));
    m_heading->setObjectName(QStringLiteral("comparisonHeading"));
    m_heading->setTextFormat(Qt::RichText);
    m_decision->setObjectName(QStringLiteral("comparisonDecision"));
    m_decision->setWordWrap(true);
    m_decision->setTextFormat(Qt::RichText);
    m_panels[Base] = makePanel(tr("Last agreed"), QStringLiteral("baseValue"));
    m_panels[Database] = makePanel(tr("Database"), QStringLiteral("databaseValue"));
    m_panels[SharePoint] = makePanel(tr("SharePoint"), QStringLiteral("sharePointValue"));

    auto *sides = new QGridLayout;
    sides->setHorizontalSpacing(12);
    for (int side = 0; side < SideCount; ++side) {
        sides->addWidget(m_panels[side].frame, 0, side);
        sides->setColumnStretch(side, 1);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addLayout(sides);
    layout->addWidget(m_decision);
    clear();
}

ConflictComparison::Panel ConflictComparison::makePanel(const QString &title, const QString &objectName)
{
    auto *frame = new QFrame(this);
    frame->setObjectName(objectName + QStringLiteral("Panel"));
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    frame->setBackgroundRole(QPalette::Base);
    auto *heading = new QLabel(title, frame);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setForegroundRole(QPalette::PlaceholderText);
    auto *value = new QLabel(frame);
    value->setObjectName(objectName);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setAccessibleName(title);
    QFont valueFont = value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.2);
    value->setFont(valueFont);
    value->setMinimumHeight(value->fontMetrics().lineSpacing() * 2);
    value->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *note = new QLabel(frame);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(frame);
    layout->addWidget(heading);
    layout->addWidget(value);
    layout->addWidget(note);
    return {frame, value, note};
}

void ConflictComparison::mark(const Panel &panel, bool changed, bool chosen)
{
    // Colour and words both: the change is not told by colour alone.
    QString style;
    if (chosen)
        style = QStringLiteral("QFrame#%1 { border: 2px solid #2e7d32; border-radius: 4px; background: #edf7ee; }");
    else if (changed)
        style = QStringLiteral("QFrame#%1 { border: 1px solid #d08a00; border-radius: 4px; background: #fff6e0; }");
    else
        style = QStringLiteral("QFrame#%1 { border: 1px solid palette(mid); border-radius: 4px; background: palette(base); }");
    panel.frame->setStyleSheet(style.arg(panel.frame->objectName()));
}

void ConflictComparison::showConflict(const SyncConflict &conflict)
{
    m_heading->setText(tr("<b>%1</b> of row <b>%2</b>").arg(conflict.field.toHtmlEscaped(), conflict.identityText.toHtmlEscaped()));
    const QJsonValue values[SideCount] = {conflict.baseValue, conflict.databaseValue, conflict.sharePointValue};
    for (int side = 0; side < SideCount; ++side)
        m_panels[side].value->setText(conflictValueText(values[side]));

    m_panels[Base].note->setText(tr("What both sides held after the last sync"));
    const bool databaseChanged = conflict.databaseValue != conflict.baseValue;
    const bool sharePointChanged = conflict.sharePointValue != conflict.baseValue;
    QString databaseNote = databaseChanged ? tr("Changed in the database") : tr("Unchanged");
    if (databaseChanged && conflict.databaseChangedAt.isValid())
        databaseNote = tr("Changed in the database, %1").arg(when(conflict.databaseChangedAt));
    m_panels[Database].note->setText(databaseNote);
    QString sharePointNote = sharePointChanged ? tr("Changed in SharePoint") : tr("Unchanged");
    if (sharePointChanged && !conflict.sharePointEditor.isEmpty())
        sharePointNote = tr("Changed by %1, %2").arg(conflict.sharePointEditor, when(conflict.sharePointModifiedAt));
    m_panels[SharePoint].note->setText(sharePointNote);

    mark(m_panels[Base], false, false);
    mark(m_panels[Database], databaseChanged, conflict.resolution == ConflictResolution::Database);
    mark(m_panels[SharePoint], sharePointChanged, conflict.resolution == ConflictResolution::SharePoint);
    m_decision->setText(tr("<b>Decision:</b> %1").arg(conflictDecisionText(conflict).toHtmlEscaped()));
    setEnabled(true);
}

void ConflictComparison::clear()
{
    m_heading->setText(tr("Choose a conflict to compare its values."));
    for (const Panel &panel : m_panels) {
        panel.value->clear();
        panel.note->clear();
        mark(panel, false, false);
    }
    m_decision->clear();
}

QString ConflictComparison::valueText(Side side) const
{
    return m_panels[side].value->text();
}

QString ConflictComparison::decisionText() const
{
    return m_decision->text();
}

} // namespace SyncBridge
