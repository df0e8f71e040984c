#include "drift/repairpreviewdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

QString valueText(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return RepairPreviewDialog::tr("(empty)");
    if (value.isString())
        return value.toString();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

QString actionText(const QString &action)
{
    if (action == QLatin1String("create"))
        return RepairPreviewDialog::tr("Create");
    if (action == QLatin1String("update"))
        return RepairPreviewDialog::tr("Update");
    if (action == QLatin1String("move"))
        return RepairPreviewDialog::tr("Move");
    if (action == QLatin1String("delete"))
        return RepairPreviewDialog::tr("Delete");
    if (action == QLatin1String("adopt"))
        return RepairPreviewDialog::tr("Adopt");
    return action;
}

} // namespace

RepairPreviewDialog::RepairPreviewDialog(const QString &definitionName, const RunOutcome &preview, QWidget *parent)
    : QDialog(parent)
    , m_plan(new QTableWidget(this))
    , m_rows(new QTableWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Repair '%1'").arg(definitionName));
    auto *layout = new QVBoxLayout(this);
    auto *summary = new QLabel(preview.message, this);
    summary->setWordWrap(true);
    layout->addWidget(summary);
    for (const QString &warning : preview.warnings) {
        auto *label = new QLabel(QStringLiteral("<span style='color:#c62828'>%1</span>").arg(warning.toHtmlEscaped()), this);
        label->setWordWrap(true);
        layout->addWidget(label);
    }

    const QStringList actions{
        QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("move"), QStringLiteral("delete"), QStringLiteral("adopt")};
    m_plan->setColumnCount(int(actions.size()) + 1);
    QStringList header{tr("List")};
    for (const QString &action : actions)
        header << actionText(action);
    m_plan->setHorizontalHeaderLabels(header);
    m_plan->setRowCount(int(preview.plan.size()));
    int row = 0;
    for (auto list = preview.plan.constBegin(); list != preview.plan.constEnd(); ++list, ++row) {
        m_plan->setItem(row, 0, new QTableWidgetItem(list.key()));
        for (int column = 0; column < actions.size(); ++column) {
            auto *item = new QTableWidgetItem(QString::number(list->value(actions.at(column))));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_plan->setItem(row, column + 1, item);
        }
    }
    m_plan->verticalHeader()->hide();
    m_plan->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_plan->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_plan->setFocusPolicy(Qt::NoFocus);
    int height = m_plan->horizontalHeader()->sizeHint().height() + 2 * m_plan->frameWidth();
    for (int list = 0; list < m_plan->rowCount(); ++list)
        height += m_plan->rowHeight(list);
    m_plan->setFixedHeight(height);
    layout->addWidget(m_plan);

    m_rows->setColumnCount(4);
    m_rows->setHorizontalHeaderLabels({tr("Action"), tr("Row or item"), tr("List"), tr("What changes")});
    m_rows->setRowCount(int(preview.preview.size()));
    row = 0;
    for (const PreviewRow &planned : preview.preview) {
        QString what;
        if (planned.action == QLatin1String("update")) {
            QStringList changes;
            for (const FieldChange &change : planned.changes)
                changes << tr("%1: %2 → %3").arg(change.field, valueText(change.before), valueText(change.after));
            what = changes.join(QStringLiteral(" · "));
        } else if (planned.action == QLatin1String("move")) {
            what = tr("from %1").arg(planned.fromList);
        } else if (planned.action == QLatin1String("delete")) {
            what = tr("item %1").arg(planned.itemId);
        } else if (planned.action == QLatin1String("adopt")) {
            what = tr("recorded in the ledger as item %1").arg(planned.itemId);
        } else {
            QStringList fields;
            for (auto field = planned.fields.constBegin(); field != planned.fields.constEnd(); ++field)
                fields << QStringLiteral("%1 = %2").arg(field.key(), valueText(field.value()));
            what = fields.join(QStringLiteral(" · "));
        }
        m_rows->setItem(row, 0, new QTableWidgetItem(actionText(planned.action)));
        m_rows->setItem(row, 1, new QTableWidgetItem(planned.identity));
        m_rows->setItem(row, 2, new QTableWidgetItem(planned.list));
        m_rows->setItem(row, 3, new QTableWidgetItem(what));
        ++row;
    }
    m_rows->verticalHeader()->hide();
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rows->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rows->resizeColumnsToContents();
    m_rows->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_rows, 1);

    QPushButton *repair = m_buttons->addButton(tr("&Repair"), QDialogButtonBox::AcceptRole);
    repair->setEnabled(!preview.preview.isEmpty());
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    resize(900, 520);
}

} // namespace SyncBridge
