#include "definitions/listpicker.h"

#include <QLineEdit>

namespace SyncBridge {
namespace {

constexpr int ProvisionRole = Qt::UserRole + 1; // the "Provision a new list…" entry

bool sameSite(QString a, QString b)
{
    while (a.endsWith(QLatin1Char('/')))
        a.chop(1);
    while (b.endsWith(QLatin1Char('/')))
        b.chop(1);
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

ListPicker::ListPicker(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("listPicker"));
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    lineEdit()->setPlaceholderText(tr("choose a list"));
    connect(this, &QComboBox::activated, this, &ListPicker::picked);
    connect(lineEdit(), &QLineEdit::editingFinished, this, &ListPicker::picked);
}

void ListPicker::offer(const QList<ListChoice> &lists, qint64 connectionId, const QString &site)
{
    const QSignalBlocker blocker(this);
    clear();
    for (const ListChoice &choice : lists) {
        if (choice.connectionId == connectionId && (site.isEmpty() || sameSite(choice.site, site)))
            addItem(choice.name, choice.graphId);
    }
    if (count() > 0)
        insertSeparator(count());
    addItem(tr("Provision a new list…"));
    setItemData(count() - 1, true, ProvisionRole);
    setItemData(count() - 1, tr("Create a SharePoint list from the source table, then use it here"), Qt::ToolTipRole);
    showList();
}

void ListPicker::setList(const QString &name, const QString &graphId)
{
    m_name = name;
    m_graphId = graphId;
    const QSignalBlocker blocker(this);
    showList();
}

void ListPicker::showList()
{
    const int index = findText(m_name);
    setCurrentIndex(index >= 0 && !itemData(index, ProvisionRole).toBool() ? index : -1);
    setEditText(m_name);
}

void ListPicker::picked()
{
    if (currentIndex() >= 0 && currentData(ProvisionRole).toBool()) {
        // Not a name: the cell keeps its list until one is provisioned.
        {
            const QSignalBlocker blocker(this);
            showList();
        }
        emit provisionRequested();
        return;
    }
    const QString name = currentText().trimmed();
    if (name == m_name)
        return;
    m_name = name;
    m_graphId = currentIndex() >= 0 && itemText(currentIndex()) == name ? currentData().toString() : QString();
    emit listChanged();
}

} // namespace SyncBridge
