#include "conflicts/conflictlist.h"

#include "conflicts/conflictvaluetext.h"

#include "overview/definitioncard.h"

#include <QHash>
#include <QHeaderView>
#include <QSet>

namespace SyncBridge {
namespace {

constexpr int ConflictIdRole = Qt::UserRole + 1;

QString changedText(const SyncConflict &conflict)
{
    const QString editor = conflict.sharePointEditor.isEmpty() ? ConflictList::tr("someone") : conflict.sharePointEditor;
    if (!conflict.sharePointModifiedAt.isValid())
        return editor;
    return ConflictList::tr("%1, %2").arg(editor, relativeTime(conflict.sharePointModifiedAt));
}

} // namespace

ConflictList::ConflictList(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("conflictList"));
    setAccessibleName(tr("Conflicts, by row"));
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Row and field"), tr("Database"), tr("SharePoint"), tr("Changed in SharePoint by"), tr("Decision")});
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    setAllColumnsShowFocus(true);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(QHeaderView::Interactive);
}

void ConflictList::setConflicts(const QList<SyncConflict> &conflicts)
{
    QList<qint64> chosen;
    for (const SyncConflict &conflict : selectedConflicts())
        chosen << conflict.id;
    const std::optional<SyncConflict> current = currentConflict();

    m_conflicts = conflicts;
    clear();
    QTreeWidgetItem *row = nullptr;
    QString rowHash;
    QHash<QTreeWidgetItem *, int> openOfRow, appliedOfRow;
    for (int index = 0; index < m_conflicts.size(); ++index) {
        const SyncConflict &conflict = m_conflicts.at(index);
        if (!row || conflict.identityHash != rowHash) {
            row = new QTreeWidgetItem(this);
            rowHash = conflict.identityHash;
            row->setText(FieldColumn, conflict.identityText);
            QFont rowFont = row->font(FieldColumn);
            rowFont.setBold(true);
            row->setFont(FieldColumn, rowFont);
        }
        auto *field = new QTreeWidgetItem(row);
        field->setData(FieldColumn, ConflictIdRole, conflict.id);
        field->setText(FieldColumn, conflict.field);
        field->setText(DatabaseColumn, conflictValueText(conflict.databaseValue));
        field->setText(SharePointColumn, conflictValueText(conflict.sharePointValue));
        field->setText(ChangedColumn, changedText(conflict));
        field->setText(DecisionColumn, conflictDecisionText(conflict));
        field->setToolTip(DecisionColumn, field->text(DecisionColumn));
        if (conflict.isOpen())
            ++openOfRow[row];
        if (conflict.isApplied())
            ++appliedOfRow[row];
        if (!conflict.isOpen() && !conflict.isApplied())
            field->setForeground(DecisionColumn, QColor(0x2e, 0x7d, 0x32));
    }
    // The row's line says how much of it is still open: where the work is, at a glance.
    for (int top = 0; top < topLevelItemCount(); ++top) {
        QTreeWidgetItem *item = topLevelItem(top);
        const int open = openOfRow.value(item);
        if (appliedOfRow.value(item) == item->childCount())
            item->setText(DecisionColumn, tr("Applied"));
        else
            item->setText(DecisionColumn, open > 0 ? tr("%n open", nullptr, open) : tr("All decided"));
    }
    expandAll();
    for (int column = 0; column < DecisionColumn; ++column)
        resizeColumnToContents(column);
    selectConflicts(chosen);
    if (current) {
        for (QTreeWidgetItemIterator it(this); *it; ++it) {
            if ((*it)->data(FieldColumn, ConflictIdRole).toLongLong() == current->id) {
                setCurrentItem(*it, 0, QItemSelectionModel::NoUpdate);
                break;
            }
        }
    }
}

QList<SyncConflict> ConflictList::selectedConflicts() const
{
    QSet<qint64> ids;
    for (QTreeWidgetItem *item : selectedItems()) {
        if (item->parent()) {
            ids.insert(item->data(FieldColumn, ConflictIdRole).toLongLong());
            continue;
        }
        for (int child = 0; child < item->childCount(); ++child)
            ids.insert(item->child(child)->data(FieldColumn, ConflictIdRole).toLongLong());
    }
    QList<SyncConflict> chosen;
    for (const SyncConflict &conflict : m_conflicts) {
        if (ids.contains(conflict.id))
            chosen << conflict;
    }
    return chosen;
}

std::optional<SyncConflict> ConflictList::currentConflict() const
{
    QTreeWidgetItem *item = currentItem();
    if (!item)
        return std::nullopt;
    if (!item->parent() && item->childCount() > 0)
        item = item->child(0);
    const qint64 id = item->data(FieldColumn, ConflictIdRole).toLongLong();
    for (const SyncConflict &conflict : m_conflicts) {
        if (conflict.id == id)
            return conflict;
    }
    return std::nullopt;
}

void ConflictList::selectConflicts(const QList<qint64> &ids)
{
    const QSet<qint64> wanted(ids.cbegin(), ids.cend());
    clearSelection(); // a chosen row would stand for all its fields
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        if ((*it)->parent())
            (*it)->setSelected(wanted.contains((*it)->data(FieldColumn, ConflictIdRole).toLongLong()));
    }
}

} // namespace SyncBridge
