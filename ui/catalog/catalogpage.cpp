#include "catalog/catalogpage.h"

#include "catalog/catalogitems.h"
#include "catalog/provisiondialog.h"
#include "common/backgroundtask.h"
#include "common/databasework.h"
#include "common/guarded.h"
#include "common/uisettings.h"

#include "common/clock.h"
#include "graph/discovery.h"
#include "graph/graphclient.h"
#include "graph/graphclients.h"
#include "graph/provisioning.h"
#include "secrets/secretstore.h"
#include "source/probe.h"
#include "store/catalogrepository.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace SyncBridge {

QString keyText(const TableInfo &table)
{
    const QStringList key = table.primaryKey();
    return key.isEmpty() ? CatalogPage::tr("no primary key") : CatalogPage::tr("key (%1)").arg(key.join(QStringLiteral(", ")));
}

CatalogPage::CatalogPage(AppContext context, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
    , m_tree(new QTreeWidget(this))
    , m_heading(new QLabel(this))
    , m_message(new QLabel(this))
    , m_details(new QTreeWidget(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_provision(new QPushButton(tr("Provision list from table…"), this))
    , m_createDefinition(new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("Create a definition from this list"), this))
    , m_systemColumns(new QCheckBox(tr("Show system columns"), this))
    , m_splitter(new QSplitter(this))
{
    setObjectName(QStringLiteral("catalogPage"));
    m_tree->setObjectName(QStringLiteral("catalogTree"));
    m_tree->setHeaderLabels({tr("Name"), tr("Details")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_heading->setObjectName(QStringLiteral("catalogHeading"));
    m_heading->setTextFormat(Qt::RichText);
    m_heading->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("catalogMessage"));
    m_message->setWordWrap(true);
    m_details->setObjectName(QStringLiteral("catalogDetails"));
    m_details->setRootIsDecorated(false);
    m_details->setAlternatingRowColors(true);
    m_refresh->setObjectName(QStringLiteral("refreshCatalog"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Read the selected database's tables again, or the selected site's lists (F5)"));
    m_provision->setObjectName(QStringLiteral("provisionList"));
    m_provision->setToolTip(tr("Create a SharePoint list with a column for each column of the selected table"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_provision);
    buttons->addWidget(m_createDefinition);
    buttons->addStretch();
    m_createDefinition->setObjectName(QStringLiteral("createDefinitionFromList"));
    m_createDefinition->setToolTip(tr("A new definition that syncs the table this list was provisioned from into it"));
    m_createDefinition->hide();
    m_systemColumns->setObjectName(QStringLiteral("showSystemColumns"));
    m_systemColumns->setToolTip(tr("Show the columns SharePoint keeps itself (ID, Created, Author…) and its hidden ones"));
    m_systemColumns->setChecked(UiSettings::catalogSystemColumns.value());
    m_systemColumns->hide();
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_systemColumns, 0, Qt::AlignBottom);
    rightLayout->addLayout(headingRow);
    rightLayout->addWidget(m_details, 1);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({420, 860});
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_splitter, 1);
    m_message->hide();

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &CatalogPage::showSelection);
    connect(m_systemColumns, &QCheckBox::toggled, this, &CatalogPage::showSystemColumns);
    connect(m_tree, &QTreeWidget::itemCollapsed, this, [this](QTreeWidgetItem *item) { rememberExpansion(item, false); });
    connect(m_tree, &QTreeWidget::itemExpanded, this, [this](QTreeWidgetItem *item) {
        rememberExpansion(item, true);
        if (item->type() == SiteItem && item->childCount() == 1 && item->child(0)->type() == QTreeWidgetItem::Type)
            expandSite(item);   // the placeholder child: load the lists now
    });
    connect(m_refresh, &QPushButton::clicked, this, &CatalogPage::refreshSelected);
    connect(m_provision, &QPushButton::clicked, this, &CatalogPage::provisionFromSelectedTable);
    connect(m_createDefinition, &QPushButton::clicked, this, [this]() {
        if (m_provisioned)
            emit definitionFromListRequested(m_provisioned->databaseId, m_provisioned->table, m_provisioned->target);
    });
    m_splitter->restoreState(UiSettings::catalogSplitter.value());
    showSelection();
}

CatalogPage::~CatalogPage()
{
    UiSettings::catalogSplitter.setValue(m_splitter->saveState());
}

QString CatalogPage::title() const
{
    return tr("Catalog");
}

QIcon CatalogPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/catalog.svg"));
}

QString CatalogPage::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void CatalogPage::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828") : QString());
    m_message->setVisible(!text.isEmpty());
}

void CatalogPage::reload()
{
    runInBackground(
        this, m_context.storePool,
        [store = m_context.store]() -> Result<Snapshot> {
            auto catalog = loadStoredCatalog(*store);
            if (!catalog)
                return catalog.error();
            Snapshot snapshot{*catalog, {}};
            auto definitions = DefinitionRepository(*store).all();
            if (!definitions)
                return definitions.error();
            for (const SyncDefinition &definition : std::as_const(*definitions)) {
                for (const SyncTarget &target : definition.targets) {
                    const QString key = QString::number(target.connectionId) + QLatin1Char('|') + target.site;
                    if (!snapshot.sites.contains(key))
                        snapshot.sites << key;
                }
            }
            return snapshot;
        },
        [this](Result<Snapshot> snapshot) {
            if (!snapshot) {
                setMessage(tr("Cannot read the catalog: %1").arg(snapshot.error().message()), true);
                emit loaded();
                return;
            }
            show(*snapshot);
            emit loaded();
        });
}

void CatalogPage::showSystemColumns(bool shown)
{
    UiSettings::catalogSystemColumns.setValue(shown);
    for (int i = 0; i < m_details->topLevelItemCount(); ++i) {
        QTreeWidgetItem *row = m_details->topLevelItem(i);
        row->setHidden(!shown && row->data(0, SystemColumnRole).toBool());
    }
}

void CatalogPage::showSelection()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    const int kind = item ? item->type() : 0;
    m_provision->setEnabled(kind == TableItem);
    m_createDefinition->setVisible(
        kind == ListItem && m_provisioned && item->data(0, ListIdRole).toString() == m_provisioned->target.listGraphId);
    m_refresh->setEnabled(kind == DatabaseItem || kind == TableItem || kind == SiteItem);
    m_systemColumns->setVisible(kind == ListItem);
    m_details->clear();
    if (kind == TableItem) {
        showTable(m_tables.value(item->data(0, IdRole).toLongLong()).value(item->data(0, IndexRole).toInt()));
        return;
    }
    if (kind == ListItem) {
        showList(item);
        return;
    }
    m_details->setColumnCount(1);
    m_details->setHeaderLabels({tr("Catalog")});
    m_heading->setText(tr("<h3>Catalog</h3>Select a table to see its columns, keys and indexes, or a SharePoint list to see its columns. "
                          "<b>Refresh</b> reads a database's tables again."));
}

void CatalogPage::showTable(const TableInfo &table)
{
    m_heading->setText(tr("<h3>%1</h3>%2 · about %3 rows · %n index(es)", nullptr, int(table.indexes.size()))
                           .arg(table.qualifiedName().toHtmlEscaped(), keyText(table).toHtmlEscaped(),
                                table.rowEstimate < 0 ? tr("?") : QLocale().toString(table.rowEstimate)));
    m_details->setColumnCount(7);
    m_details->setHeaderLabels({tr("Column"), tr("Type"), tr("Null"), tr("Key"), tr("Default"), tr("Indexed"), tr("In SharePoint")});
    const QStringList key = table.primaryKey();
    for (const ColumnInfo &column : table.columns) {
        QString type = column.dataType;
        if (column.isEnum)
            type += QStringLiteral(" {%1}").arg(column.enumLabels.join(QStringLiteral(", ")));
        const ColumnPlan plan = planColumn(column);
        auto *item = new QTreeWidgetItem(m_details, {column.name, type, column.nullable ? tr("yes") : tr("no"), key.contains(column.name) ? tr("key") : QString(),
                                                     column.identity ? tr("identity") : column.defaultExpression,
                                                     table.hasIndexLeadingWith(column.name) ? tr("yes") : QString(),
                                                     plan.supported ? plan.note : tr("not supported: %1").arg(plan.note)});
        if (!plan.supported)
            item->setIcon(6, QIcon(QStringLiteral(":/icons/warning.svg")));
    }
    for (int c = 0; c < m_details->columnCount() - 1; ++c)
        m_details->resizeColumnToContents(c);
}

void CatalogPage::showList(QTreeWidgetItem *item)
{
    m_heading->setText(tr("<h3>%1</h3>SharePoint list on %2").arg(item->text(0).toHtmlEscaped(), item->parent()->text(0).toHtmlEscaped()));
    m_details->setColumnCount(4);
    m_details->setHeaderLabels({tr("Column"), tr("Display name"), tr("Type"), tr("Flags")});
    const qint64 connectionId = item->data(0, IdRole).toLongLong();
    const QString siteId = item->data(0, SiteIdRole).toString();
    const QString listId = item->data(0, ListIdRole).toString();
    const auto connection = std::find_if(m_sharePoint.cbegin(), m_sharePoint.cend(), [&](const SharePointConnection &c) { return c.id == connectionId; });
    if (connection == m_sharePoint.cend())
        return;
    SharePointList list;
    list.graphId = listId;
    list.displayName = item->text(0);
    list.webUrl = item->text(1);
    Discovery::columns(m_context.graph->clientFor(*connection), siteId, listId,
        guarded(this, [this, list, siteId](Result<QList<SharePointColumn>> columns) mutable {
            QTreeWidgetItem *current = m_tree->currentItem();
            if (!current || current->data(0, ListIdRole).toString() != list.graphId)
                return; // another item was selected meanwhile
            m_details->clear();
            if (!columns) {
                setMessage(columns.error().message(), true);
                return;
            }
            for (const SharePointColumn &column : std::as_const(*columns)) {
                QStringList flags;
                if (column.system)
                    flags << tr("system");
                if (column.readOnly)
                    flags << tr("read-only");
                if (column.hidden)
                    flags << tr("hidden");
                if (column.indexed)
                    flags << tr("indexed");
                if (column.required)
                    flags << tr("required");
                if (column.maxLength > 0)
                    flags << tr("max %1 characters").arg(column.maxLength);
                auto *row
                    = new QTreeWidgetItem(m_details, {column.name, column.displayName, column.type, flags.join(QStringLiteral(", "))});
                if (column.system || column.readOnly) {
                    for (int c = 0; c < 4; ++c)
                        row->setForeground(c, palette().color(QPalette::PlaceholderText));
                }
                row->setData(0, SystemColumnRole, column.system || column.hidden);
                row->setHidden(column.system || column.hidden ? !m_systemColumns->isChecked() : false);
            }
            for (int c = 0; c < 3; ++c)
                m_details->resizeColumnToContents(c);
            // What was read goes into the catalog: the mapping editor offers these columns.
            list.columns = *columns;
            runInBackground(
                this, m_context.storePool,
                [store = m_context.store, site = m_discoveredSites.value(siteId), list]() mutable -> Result<void> {
                    if (site.graphId.isEmpty())
                        return success(); // the site was not looked up in this session
                    CatalogRepository catalog(*store);
                    if (auto saved = catalog.saveSite(site); !saved)
                        return saved;
                    list.siteId = site.id;
                    return catalog.saveList(list);
                },
                [this](Result<void> recorded) {
                    if (!recorded)
                        setMessage(tr("The list's columns could not be recorded in the catalog: %1").arg(recorded.error().message()), true);
                    emit refreshed();
                });
        }));
}

QTreeWidgetItem *CatalogPage::siteItem(qint64 connectionId, const QString &reference) const
{
    for (QTreeWidgetItem *candidate : m_tree->findItems(reference, Qt::MatchExactly | Qt::MatchRecursive)) {
        if (candidate->type() == SiteItem && candidate->data(0, IdRole).toLongLong() == connectionId)
            return candidate;
    }
    return nullptr;   // the tree was rebuilt meanwhile
}

void CatalogPage::expandSite(QTreeWidgetItem *item)
{
    const qint64 connectionId = item->data(0, IdRole).toLongLong();
    const auto connection = std::find_if(m_sharePoint.cbegin(), m_sharePoint.cend(), [&](const SharePointConnection &c) { return c.id == connectionId; });
    if (connection == m_sharePoint.cend())
        return;
    const QString reference = item->text(0);
    GraphClient &client = m_context.graph->clientFor(*connection);
    const auto showLists = [this, connectionId, reference](const QString &siteId, Result<QList<SharePointList>> lists) {
        QTreeWidgetItem *site = siteItem(connectionId, reference);
        if (!site)
            return;
        qDeleteAll(site->takeChildren());
        if (!lists) {
            new QTreeWidgetItem(site, {lists.error().message()});
        } else {
            for (const SharePointList &list : std::as_const(*lists)) {
                auto *listItem = new QTreeWidgetItem(site, {list.displayName, list.webUrl}, ListItem);
                listItem->setData(0, IdRole, connectionId);
                listItem->setData(0, SiteIdRole, siteId);
                listItem->setData(0, ListIdRole, list.graphId);
            }
            if (lists->isEmpty())
                new QTreeWidgetItem(site, {tr("No lists yet.")});
        }
        if (!m_selectListId.isEmpty()) {
            for (int i = 0; i < site->childCount(); ++i) {
                if (site->child(i)->type() == ListItem && site->child(i)->data(0, ListIdRole).toString() == m_selectListId) {
                    m_selectListId.clear();
                    m_tree->setCurrentItem(site->child(i)); // reads its columns into the catalog
                    m_tree->scrollToItem(site->child(i));
                    return; // showList says when it is done
                }
            }
        }
        emit refreshed();
    };
    Discovery::site(client, reference, guarded(this, [this, &client, connectionId, reference, showLists](Result<SharePointSite> site) {
        if (!site) {
            showLists({}, site.error());
            return;
        }
        if (QTreeWidgetItem *found = siteItem(connectionId, reference))
            found->setText(1, site->displayName);
        SharePointSite discovered = *site;
        discovered.connectionId = connectionId;
        m_discoveredSites.insert(discovered.graphId, discovered);
        const QString siteId = site->graphId;
        Discovery::lists(client, siteId,
            guarded(this, [siteId, showLists](Result<QList<SharePointList>> lists) { showLists(siteId, std::move(lists)); }));
    }));
}

void CatalogPage::refreshSelected()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return;
    if (item->type() == SiteItem) {
        qDeleteAll(item->takeChildren());
        new QTreeWidgetItem(item, {tr("Loading…")});
        item->setExpanded(true);
        expandSite(item);
        return;
    }
    if (item->type() != DatabaseItem && item->type() != TableItem)
        return;
    const qint64 databaseId = item->data(0, IdRole).toLongLong();
    const auto found = std::find_if(m_databases.cbegin(), m_databases.cend(), [&](const Database &d) { return d.id == databaseId; });
    if (found == m_databases.cend())
        return;
    const Database database = *found;
    m_refresh->setEnabled(false);
    setMessage(tr("Reading the tables of %1…").arg(database.name), false);
    runWithDatabase(
        this, *m_context.secrets, database, [database](const PasswordLookup &passwords) { return introspectDatabase(database, passwords); },
        [this, database](Result<IntrospectionReport> report) {
            if (!report) {
                m_refresh->setEnabled(true);
                setMessage(report.error().toString(), true);
                emit refreshed();
                return;
            }
            const QList<TableInfo> tables = report->tables;
            runInBackground(
                this, m_context.storePool,
                [store = m_context.store, id = database.id, tables]() { return CatalogRepository(*store).saveIntrospection(id, tables, Clock::system().nowUtc()); },
                [this, database, count = tables.size()](Result<IntrospectionRecord> record) {
                    m_refresh->setEnabled(true);
                    if (!record) {
                        setMessage(record.error().message(), true);
                        emit refreshed();
                        return;
                    }
                    m_drift.insert(database.id, record->schemaChanged && !record->firstSnapshot);
                    setMessage(m_drift.value(database.id) ? tr("%1: %n table(s); the schema changed since the last introspection.", nullptr, int(count)).arg(database.name)
                                                          : tr("%1: %n table(s).", nullptr, int(count)).arg(database.name),
                               false);
                    connect(this, &CatalogPage::loaded, this, &CatalogPage::refreshed, Qt::SingleShotConnection);
                    reload();
                });
        });
}

void CatalogPage::provisionFromSelectedTable()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || item->type() != TableItem)
        return;
    const TableInfo table = m_tables.value(item->data(0, IdRole).toLongLong()).value(item->data(0, IndexRole).toInt());
    const qint64 databaseId = item->data(0, IdRole).toLongLong();
    auto *dialog = new ProvisionDialog(table, m_sharePoint, m_sites, m_context.graph, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProvisionDialog::provisioned, this, [this, dialog, table, databaseId](const ProvisioningReport &report) {
        Provisioned provisioned;
        provisioned.databaseId = databaseId;
        provisioned.table = table;
        const SharePointConnection connection = dialog->chosenConnection();
        provisioned.target.name = tr("Main");
        provisioned.target.connectionId = connection.id;
        provisioned.target.connectionName = connection.name;
        provisioned.target.site = dialog->siteCombo()->currentText().trimmed();
        provisioned.target.listName = dialog->listNameEdit()->text().trimmed();
        provisioned.target.listGraphId = report.listId;
        provisioned.created = report.listCreated;
        for (const ColumnPlan &column : report.unsupported)
            provisioned.leftOut << leftOutMessage(column);
        showProvisioned(provisioned);
    });
    dialog->open();
}

void CatalogPage::showProvisioned(const Provisioned &provisioned)
{
    // The new list in the tree, selected — no Refresh needed — with the definition it was made for offered.
    m_provisioned = provisioned;
    const SyncTarget &target = provisioned.target;
    QTreeWidgetItem *site = siteItem(target.connectionId, target.site);
    if (!site) {
        QTreeWidgetItem *connection = nullptr;
        for (QTreeWidgetItem *candidate : m_tree->findItems(QStringLiteral("*"), Qt::MatchWildcard | Qt::MatchRecursive)) {
            if (candidate->type() == ConnectionItem && candidate->data(0, IdRole).toLongLong() == target.connectionId)
                connection = candidate;
        }
        if (!connection)
            return;
        for (int i = connection->childCount() - 1; i >= 0; --i) {
            if (connection->child(i)->type() != SiteItem)
                delete connection->takeChild(i); // "No definition uses a site…"
        }
        site = new QTreeWidgetItem(connection, {target.site, tr("provisioned here")}, SiteItem);
        site->setData(0, IdRole, target.connectionId);
        m_sites << target.site;
        m_tree->expandItem(connection);
    }
    m_selectListId = target.listGraphId;
    setMessage(
        (provisioned.created ? tr(
             "Created the list '%1' from %2. \"Create a definition from this list\" starts a definition that syncs the table into it.")
                             : tr("The list '%1' existed: the columns of %2 it lacked were added. \"Create a definition from this list\" "
                                  "starts a definition that syncs the table into it."))
                .arg(target.listName, provisioned.table.qualifiedName())
            + (provisioned.leftOut.isEmpty() ? QString() : QLatin1Char('\n') + provisioned.leftOut.join(QLatin1Char('\n'))),
        false);
    qDeleteAll(site->takeChildren());
    new QTreeWidgetItem(site, {tr("Loading…")});
    if (site->isExpanded())
        expandSite(site);
    else
        m_tree->expandItem(site); // loads the lists (itemExpanded)
}

} // namespace SyncBridge
