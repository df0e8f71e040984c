#include "catalog/provisiondialog.h"

#include "common/guarded.h"
#include "graph/discovery.h"
#include "graph/graphclient.h"
#include "graph/graphclients.h"
#include "graph/provisioning.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

enum Column { IncludeColumn, SourceColumn, DisplayNameColumn, InternalNameColumn, TypeColumn, NoteColumn };

} // namespace

ProvisionDialog::ProvisionDialog(const TableInfo &table, const QList<SharePointConnection> &connections, const QStringList &knownSites,
    GraphClients *graph, QWidget *parent)
    : QDialog(parent)
    , m_table(table)
    , m_graph(graph)
    , m_connections(connections)
    , m_listName(new QLineEdit(table.name, this))
    , m_connection(new QComboBox(this))
    , m_site(new QComboBox(this))
    , m_columns(new QTableWidget(this))
    , m_message(new QLabel(this))
    , m_create(new QPushButton(tr("Create list"), this))
{
    setObjectName(QStringLiteral("provisionDialog"));
    setWindowTitle(tr("Provision a list from %1").arg(table.qualifiedName()));
    m_listName->setObjectName(QStringLiteral("listName"));
    m_connection->setObjectName(QStringLiteral("connection"));
    for (const SharePointConnection &connection : connections)
        m_connection->addItem(connection.name, connection.id);
    m_site->setObjectName(QStringLiteral("site"));
    m_site->setEditable(true);
    m_site->addItems(knownSites);
    m_site->setToolTip(tr("A site path such as contoso.sharepoint.com:/sites/pmo"));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_create->setObjectName(QStringLiteral("create"));
    m_create->setDefault(true);

    const ListPlan plan = planList(table, table.name);
    m_columns->setObjectName(QStringLiteral("plannedColumns"));
    m_columns->setColumnCount(6);
    m_columns->setHorizontalHeaderLabels(
        {tr("Create"), tr("Source column"), tr("Column name"), tr("Internal name"), tr("Type"), tr("Mapping")});
    m_columns->horizontalHeaderItem(DisplayNameColumn)->setToolTip(tr("The name people see in SharePoint; double-click to rename"));
    m_columns->horizontalHeaderItem(InternalNameColumn)
        ->setToolTip(tr("The name Graph and mappings use, made from the column name by SharePoint's rules (letters, digits and _, at most "
                        "32); it cannot be edited"));
    m_columns->setRowCount(int(plan.columns.size()));
    m_columns->verticalHeader()->hide();
    for (int row = 0; row < plan.columns.size(); ++row) {
        const ColumnPlan &column = plan.columns.at(row);
        const bool key = column.internalName == syncBridgeKeyColumn;
        auto *include = new QTableWidgetItem;
        include->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | (column.supported && !key ? Qt::ItemIsUserCheckable : Qt::NoItemFlags));
        include->setCheckState(column.supported ? Qt::Checked : Qt::Unchecked);
        include->setToolTip(key ? tr("Always created: it makes every create idempotent") : column.supported ? QString() : column.note);
        auto *source = new QTableWidgetItem(key ? tr("(the row's identity)") : column.sourceColumn);
        source->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
        // A rename is the display name; the internal name follows it and is shown read-only.
        auto *display = new QTableWidgetItem(
            column.definition.value(QStringLiteral("displayName")).toString(key ? column.internalName : column.sourceColumn));
        display->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | (column.supported && !key ? Qt::ItemIsEditable : Qt::NoItemFlags));
        auto *name = new QTableWidgetItem(column.internalName);
        name->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
        name->setForeground(palette().color(QPalette::PlaceholderText));
        auto *type = new QTableWidgetItem(column.supported ? column.sharePointType : tr("not supported"));
        type->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
        auto *note = new QTableWidgetItem(column.note);
        note->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
        m_columns->setItem(row, IncludeColumn, include);
        m_columns->setItem(row, SourceColumn, source);
        m_columns->setItem(row, DisplayNameColumn, display);
        m_columns->setItem(row, InternalNameColumn, name);
        m_columns->setItem(row, TypeColumn, type);
        m_columns->setItem(row, NoteColumn, note);
        if (!column.supported) {
            for (int c = 0; c < m_columns->columnCount(); ++c)
                m_columns->item(row, c)->setForeground(palette().color(QPalette::PlaceholderText));
        }
    }
    m_columns->resizeColumnsToContents();
    m_columns->horizontalHeader()->setStretchLastSection(true);

    auto *form = new QFormLayout;
    form->addRow(tr("List name"), m_listName);
    form->addRow(tr("SharePoint connection"), m_connection);
    form->addRow(tr("Site"), m_site);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_create, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &ProvisionDialog::create);
    connect(m_listName, &QLineEdit::textChanged, this, &ProvisionDialog::validate);
    connect(m_site, &QComboBox::currentTextChanged, this, &ProvisionDialog::validate);
    connect(m_columns, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_updating)
            return;
        if (item->column() == DisplayNameColumn)
            updateInternalNames();
        validate();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(
        tr("Columns (double-click a column name to rename it — the internal name follows; untick a column to leave it out):"), this));
    layout->addWidget(m_columns, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(860, 520);
    validate();
}

QString ProvisionDialog::message() const
{
    return m_message->text();
}

ListPlan ProvisionDialog::editedPlan() const
{
    ListPlan plan = planList(m_table, m_listName->text().trimmed());
    QList<ColumnPlan> kept;
    for (int row = 0; row < plan.columns.size(); ++row) {
        ColumnPlan column = plan.columns.at(row);
        if (column.internalName != syncBridgeKeyColumn && column.supported) { // unsupported ones stay: the report names them
            if (m_columns->item(row, IncludeColumn)->checkState() != Qt::Checked)
                continue;
            column.internalName = m_columns->item(row, InternalNameColumn)->text().trimmed();
            column.definition.insert(QStringLiteral("name"), column.internalName);
            column.definition.insert(QStringLiteral("displayName"), m_columns->item(row, DisplayNameColumn)->text().trimmed());
        }
        kept << column;
    }
    plan.columns = kept;
    return plan;
}

SharePointConnection ProvisionDialog::chosenConnection() const
{
    const qint64 id = m_connection->currentData().toLongLong();
    for (const SharePointConnection &connection : m_connections) {
        if (connection.id == id)
            return connection;
    }
    return {};
}

void ProvisionDialog::updateInternalNames()
{
    // Made as provisioning makes them (internalNameFor), in column order, so they stay unique.
    m_updating = true;
    QStringList taken;
    for (int row = 0; row < m_columns->rowCount(); ++row) {
        QTableWidgetItem *name = m_columns->item(row, InternalNameColumn);
        if (name->text() == syncBridgeKeyColumn)
            continue;
        const QString display = m_columns->item(row, DisplayNameColumn)->text().trimmed();
        name->setText(internalNameFor(display.isEmpty() ? m_columns->item(row, SourceColumn)->text() : display, taken));
        taken << name->text();
    }
    m_updating = false;
}

void ProvisionDialog::validate()
{
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,31}$"));
    QStringList problems;
    if (m_listName->text().trimmed().isEmpty())
        problems << tr("Give the list a name.");
    if (m_connection->count() == 0)
        problems << tr("Add a SharePoint connection on the Connections page first.");
    if (m_site->currentText().trimmed().isEmpty())
        problems << tr("Name the site, e.g. contoso.sharepoint.com:/sites/pmo.");
    QStringList seen;
    QStringList seenDisplay;
    for (int row = 0; row < m_columns->rowCount(); ++row) {
        if (m_columns->item(row, IncludeColumn)->checkState() != Qt::Checked)
            continue;
        const QString display = m_columns->item(row, DisplayNameColumn)->text().trimmed();
        const QString name = m_columns->item(row, InternalNameColumn)->text().trimmed();
        if (display.isEmpty())
            problems << tr("Give the column for %1 a name.").arg(m_columns->item(row, SourceColumn)->text());
        else if (display.size() > 255)
            problems << tr("'%1…' is longer than the 255 characters a column name may have.").arg(display.left(20));
        else if (seenDisplay.contains(display, Qt::CaseInsensitive))
            problems << tr("Two columns are called '%1'.").arg(display);
        if (!validName.match(name).hasMatch())
            problems << tr("'%1' is not a valid SharePoint column name (letters, digits and _, at most 32, not starting with a digit).").arg(name);
        else if (seen.contains(name, Qt::CaseInsensitive))
            problems << tr("Two columns are called '%1'.").arg(name);
        seen << name;
        seenDisplay << display;
    }
    m_message->setText(problems.join(QLatin1Char('\n')));
    m_message->setStyleSheet(problems.isEmpty() ? QString() : QStringLiteral("color: #c62828"));
    m_create->setEnabled(problems.isEmpty());
}

void ProvisionDialog::create()
{
    m_create->setEnabled(false);
    m_message->setStyleSheet({});
    m_message->setText(tr("Creating the list…"));
    const SharePointConnection connection = chosenConnection();
    const ListPlan plan = editedPlan();
    // The connection's shared client: its calls are asynchronous and count against the tenant's budget
    // like the runs'. Closing the dialog does not stop a creation under way; only its answer is dropped.
    GraphClient *client = &m_graph->clientFor(connection);
    Discovery::site(*client, m_site->currentText().trimmed(), guarded(this, [this, client, plan](Result<SharePointSite> site) {
        if (!site) {
            m_message->setText(site.error().message());
            m_create->setEnabled(true);
            return;
        }
        provisionList(*client, site->graphId, plan, guarded(this, [this](Result<ProvisioningReport> report) {
            if (!report) {
                m_message->setText(report.error().message());
                m_create->setEnabled(true);
                return;
            }
            QStringList lines{report->listCreated
                    ? tr("Created the list with %n column(s).", nullptr, int(report->addedColumns.size()))
                    : tr("The list existed; added %n missing column(s).", nullptr, int(report->addedColumns.size()))};
            for (const ColumnPlan &column : std::as_const(report->unsupported))
                lines << leftOutMessage(column);
            m_message->setText(lines.join(QLatin1Char('\n')));
            emit provisioned(*report);
            accept(); // done: whoever opened the dialog shows the list
        }));
    }));
}

} // namespace SyncBridge
