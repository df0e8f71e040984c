#include "connections/instancetable.h"

#include <QComboBox>
#include <QHeaderView>
#include <QIcon>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

const QStringList sslModes{QStringLiteral("disable"), QStringLiteral("prefer"), QStringLiteral("require"),
                           QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
constexpr int secretRefRole = Qt::UserRole + 1;
constexpr int instanceIdRole = Qt::UserRole + 2;

} // namespace

InstanceTable::InstanceTable(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
{
    m_table->setObjectName(QStringLiteral("instanceTable"));
    m_table->setHorizontalHeaderLabels({tr("Instance"), tr("Host"), tr("Port"), tr("User"), tr("Role"), tr("Priority"), tr("SSL"), tr("Password")});
    // Every column as wide as its title and its widest cell (a port of five digits with the spin
    // buttons, the longest role, in the reader's language); the host takes the rest.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(HostColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(m_table->fontMetrics().horizontalAdvance(QStringLiteral("localhost")));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setToolTip(tr("Instances are tried in failover order: primary first, then standby, then replica; "
                           "within a role, priority 1 first."));
    connect(m_table, &QTableWidget::itemChanged, this, &InstanceTable::changed);

    auto *add = new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("Add instance"), this);
    add->setObjectName(QStringLiteral("addInstanceButton"));
    auto *remove = new QPushButton(QIcon(QStringLiteral(":/icons/delete.svg")), tr("Remove instance"), this);
    remove->setObjectName(QStringLiteral("removeInstanceButton"));
    connect(add, &QPushButton::clicked, this, &InstanceTable::addInstance);
    connect(remove, &QPushButton::clicked, this, &InstanceTable::removeSelectedInstance);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
}

void InstanceTable::setInstances(const QList<DatabaseInstance> &instances)
{
    m_table->setRowCount(0);
    for (const DatabaseInstance &instance : instances)
        addRow(instance);
}

void InstanceTable::addRow(const DatabaseInstance &instance)
{
    const QSignalBlocker blocker(m_table);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *name = new QTableWidgetItem(instance.name);
    name->setData(secretRefRole, instance.secretRef);
    name->setData(instanceIdRole, instance.id);
    m_table->setItem(row, NameColumn, name);
    m_table->setItem(row, HostColumn, new QTableWidgetItem(instance.host));
    m_table->setItem(row, UserColumn, new QTableWidgetItem(instance.userName));

    auto *port = new QSpinBox;
    port->setRange(1, 65535);
    port->setValue(instance.port);
    connect(port, &QSpinBox::valueChanged, this, &InstanceTable::changed);
    m_table->setCellWidget(row, PortColumn, port);

    auto *role = new QComboBox;
    role->addItem(tr("Primary"), int(InstanceRole::Primary));
    role->addItem(tr("Standby"), int(InstanceRole::Standby));
    role->addItem(tr("Replica"), int(InstanceRole::Replica));
    role->setCurrentIndex(role->findData(int(instance.role)));
    connect(role, &QComboBox::currentIndexChanged, this, &InstanceTable::changed);
    m_table->setCellWidget(row, RoleColumn, role);

    // Counted from 1 for people; stored from 0 (lower first).
    auto *priority = new QSpinBox;
    priority->setRange(1, 100);
    priority->setValue(instance.priority + 1);
    priority->setToolTip(tr("Within a role, instance 1 is tried first"));
    m_table->setCellWidget(row, PriorityColumn, priority);

    auto *ssl = new QComboBox;
    ssl->addItems(sslModes);
    ssl->setCurrentText(instance.sslMode.isEmpty() ? QStringLiteral("prefer") : instance.sslMode);
    m_table->setCellWidget(row, SslColumn, ssl);

    auto *password = new QLineEdit;
    password->setEchoMode(QLineEdit::Password);
    password->setPlaceholderText(instance.secretRef.isEmpty() ? tr("none") : tr("unchanged"));
    password->setToolTip(tr("Stored in the system keychain, never in SyncBridge's files."));
    m_table->setCellWidget(row, PasswordColumn, password);
}

void InstanceTable::addInstance()
{
    DatabaseInstance instance;
    instance.name = count() == 0 ? QStringLiteral("primary") : tr("instance %1").arg(count() + 1);
    instance.host = QStringLiteral("localhost");
    instance.userName = QStringLiteral("postgres");
    instance.role = count() == 0 ? InstanceRole::Primary : InstanceRole::Standby;
    instance.priority = count();
    addRow(instance);
    m_table->setCurrentCell(m_table->rowCount() - 1, HostColumn);
    emit changed();
}

void InstanceTable::removeSelectedInstance()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_table->removeRow(row);
    emit changed();
}

int InstanceTable::count() const
{
    return m_table->rowCount();
}

void InstanceTable::setCellText(int row, Column column, const QString &text)
{
    if (auto *spin = qobject_cast<QSpinBox *>(m_table->cellWidget(row, column)))
        spin->setValue(text.toInt());
    else if (auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(row, column)))
        combo->setCurrentIndex(qMax(0, combo->findText(text, Qt::MatchFixedString)));
    else if (auto *edit = qobject_cast<QLineEdit *>(m_table->cellWidget(row, column)))
        edit->setText(text);
    else if (QTableWidgetItem *item = m_table->item(row, column))
        item->setText(text);
    emit changed();
}

QList<DatabaseInstance> InstanceTable::instances() const
{
    QList<DatabaseInstance> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        DatabaseInstance instance;
        instance.id = m_table->item(row, NameColumn)->data(instanceIdRole).toLongLong();
        instance.secretRef = m_table->item(row, NameColumn)->data(secretRefRole).toString();
        instance.name = m_table->item(row, NameColumn)->text().trimmed();
        instance.host = m_table->item(row, HostColumn)->text().trimmed();
        instance.userName = m_table->item(row, UserColumn)->text().trimmed();
        instance.port = qobject_cast<QSpinBox *>(m_table->cellWidget(row, PortColumn))->value();
        instance.role = InstanceRole(qobject_cast<QComboBox *>(m_table->cellWidget(row, RoleColumn))->currentData().toInt());
        instance.priority = qobject_cast<QSpinBox *>(m_table->cellWidget(row, PriorityColumn))->value() - 1;
        instance.sslMode = qobject_cast<QComboBox *>(m_table->cellWidget(row, SslColumn))->currentText();
        result << instance;
    }
    return result;
}

QStringList InstanceTable::enteredPasswords() const
{
    QStringList passwords;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString text = qobject_cast<QLineEdit *>(m_table->cellWidget(row, PasswordColumn))->text();
        passwords << (text.isEmpty() ? QString() : text);
    }
    return passwords;
}

} // namespace SyncBridge
