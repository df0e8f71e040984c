#include "definitions/definitioneditor.h"

#include "catalog/provisiondialog.h"
#include "common/databasework.h"
#include "definitions/definitionform.h"
#include "definitions/dryrunpanel.h"
#include "definitions/listreader.h"
#include "definitions/mappingeditor.h"
#include "definitions/scheduleeditor.h"
#include "definitions/shardingdesigner.h"
#include "drift/driftpanel.h"
#include "replication/replicationpanel.h"

#include "graph/provisioning.h"
#include "source/tablereads.h"
#include "sync/condition.h"
#include "sync/definitioncheck.h"
#include "sync/definitionexpressions.h"
#include "sync/mappingadvisor.h"
#include "sync/routepreview.h"
#include "sync/valueconverter.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QStyle>
#include <QUrl>

namespace SyncBridge {
namespace {

constexpr int sampleRowCount = 5;

struct Samples {
    QList<QHash<QString, QJsonValue>> rows;
    QString note;
};

Result<Samples> readSamples(const Database &database, const TableInfo &table, const PasswordLookup &passwords)
{
    auto rows = readFirstRows(database, passwords, table, sampleRowCount);
    if (!rows)
        return rows.error();
    Samples samples;
    QStringList unreadable;
    for (const SourceRow &row : std::as_const(*rows)) {
        QHash<QString, QJsonValue> values;
        for (const ColumnInfo &column : table.columns) {
            auto value = toSharePointValue(column, row.values.value(column.name));
            if (value)
                values.insert(column.name, *value);
            else
                unreadable << column.name;
        }
        samples.rows << values;
    }
    unreadable.removeDuplicates();
    samples.note = QCoreApplication::translate("SyncBridge::DefinitionEditor", "Sample values: the first %n row(s) of %1 by key.", nullptr, int(samples.rows.size()))
                       .arg(table.qualifiedName());
    if (!unreadable.isEmpty())
        samples.note += QLatin1Char(' ') + QCoreApplication::translate("SyncBridge::DefinitionEditor", "Values SharePoint cannot hold are left out (%1).").arg(unreadable.join(QStringLiteral(", ")));
    return samples;
}

// What decides the route counts: the source, the lists and the rules (mappings do not).
QByteArray routingOf(const SyncDefinition &definition)
{
    QJsonObject json = definitionToJson(definition);
    json.remove(QStringLiteral("mappings"));
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

// What a new mapping does by default: what the definition's runs do.
FieldDirection defaultDirectionFor(SyncMode mode)
{
    switch (mode) {
    case SyncMode::Push: return FieldDirection::PushOnly;
    case SyncMode::Pull: return FieldDirection::PullOnly;
    case SyncMode::TwoWay:
    case SyncMode::Cdc: return FieldDirection::Bidirectional;
    }
    return FieldDirection::PushOnly;
}

} // namespace

DefinitionEditor::DefinitionEditor(AppContext context, QWidget *parent)
    : QTabWidget(parent)
    , m_context(std::move(context))
    , m_form(new DefinitionForm(this))
    , m_sharding(new ShardingDesigner(this))
    , m_mappings(new MappingEditor(this))
    , m_schedule(new ScheduleEditor(this))
    , m_preview(new DryRunPanel(m_context, this))
    , m_drift(new DriftPanel(m_context, this))
    , m_replication(new ReplicationPanel(m_context, this))
{
    setObjectName(QStringLiteral("definitionEditor"));
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_form);
    addTab(scroll, tr("&General"));
    addTab(m_sharding, tr("&Lists && routing"));
    addTab(m_mappings, tr("&Mappings"));
    addTab(m_schedule, tr("Sche&dule"));
    addTab(m_preview, tr("&Preview && run"));
    addTab(m_drift, tr("D&rift"));
    addTab(m_replication, tr("Replicati&on"));
    setTabVisible(indexOf(m_replication), false);
    setTabToolTip(indexOf(m_sharding), tr("The SharePoint lists and the rules that send each row to one of them, with live counts"));
    setTabToolTip(indexOf(m_mappings), tr("Which source column fills which SharePoint column, in which direction, transformed how"));
    setTabToolTip(indexOf(m_schedule), tr("When the definition runs by itself: cron, time zone, missed runs, pause; the next runs"));
    setTabToolTip(indexOf(m_preview), tr("What a run would do, without writing anything; and Run Sync Now"));
    setTabToolTip(indexOf(m_drift), tr("How the lists differ from the table now, and a repair of what differs"));
    setTabToolTip(indexOf(m_replication), tr("The CDC definition's replication slot: lag, wal_status, safe_wal_size, and what to do"));
    // The slot is read when its tab is opened (a libpq connection each time), and its verdict badges the tab.
    connect(this, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == indexOf(m_replication))
            m_replication->refresh();
    });
    connect(m_replication, &ReplicationPanel::severityChanged, this, [this](qint64, SlotSeverity severity) {
        const int tab = indexOf(m_replication);
        setTabIcon(tab,
            severity == SlotSeverity::Ok            ? QIcon()
                : severity == SlotSeverity::Warning ? style()->standardIcon(QStyle::SP_MessageBoxWarning)
                                                    : style()->standardIcon(QStyle::SP_MessageBoxCritical));
    });
    // Schema drift that blocks a push badges the tab, so it is seen from any tab of the editor.
    connect(m_drift, &DriftPanel::schemaBlockingChanged, this, [this](bool blocking) {
        const int tab = indexOf(m_drift);
        setTabIcon(tab, blocking ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
        setTabToolTip(tab,
            blocking ? tr("The table's or a list's columns changed under the mappings: see what to do in the Drift tab")
                     : tr("How the lists differ from the table now, and a repair of what differs"));
    });

    connect(m_form, &DefinitionForm::changed, this, &DefinitionEditor::onFormChanged);
    connect(m_sharding, &ShardingDesigner::changed, this, &DefinitionEditor::onDesignChanged);
    connect(m_mappings, &MappingEditor::changed, this, &DefinitionEditor::onDesignChanged);
    connect(m_schedule, &ScheduleEditor::changed, this, &DefinitionEditor::onScheduleChanged);
    connect(m_sharding, &ShardingDesigner::previewWanted, this, &DefinitionEditor::countRoutes);
    connect(m_preview, &DryRunPanel::runNowRequested, this, &DefinitionEditor::runNowRequested);
    // The preview plans what the editor holds, unsaved changes included.
    m_preview->setDraftSource([this]() {
        commitPendingEdits();
        return PreviewDraft{definition(), problems(), isModified()};
    });
    connect(m_mappings, &MappingEditor::readColumnsRequested, this, &DefinitionEditor::readListColumns);
    connect(m_sharding, &ShardingDesigner::provisionListRequested, this, &DefinitionEditor::provisionList);
}

void DefinitionEditor::setCatalog(const StoredCatalog &catalog)
{
    m_catalog = catalog;
    m_form->setCatalog(catalog.databases, catalog.tables);
    QStringList sites;
    QList<ListChoice> lists;
    for (const SharePointConnection &connection : std::as_const(catalog.sharePoint)) {
        for (const SharePointSite &site : catalog.sites.value(connection.id)) {
            sites << sitePath(site);
            for (const SharePointList &list : catalog.lists.value(site.id))
                lists.append({connection.id, sitePath(site), list.displayName, list.graphId});
        }
    }
    sites.removeDuplicates();
    m_sharding->setChoices(catalog.sharePoint, sites, lists);
    m_shownSource.clear();
    m_shownMappingList.clear();
    sourceChanged(); // the designers see what the catalog now knows
    showSemanticProblems();
}

const SharePointConnection *DefinitionEditor::connectionOf(const SyncTarget &target) const
{
    for (const SharePointConnection &connection : m_catalog.sharePoint) {
        if ((target.connectionId != 0 && connection.id == target.connectionId)
            || (target.connectionId == 0 && connection.name == target.connectionName))
            return &connection;
    }
    return nullptr;
}

const SharePointList *DefinitionEditor::catalogList(const SyncTarget &target) const
{
    const SharePointConnection *connection = connectionOf(target);
    if (!connection || target.listName.isEmpty())
        return nullptr;
    const auto sites = m_catalog.sites.constFind(connection->id);
    if (sites == m_catalog.sites.constEnd())
        return nullptr;
    for (const SharePointSite &site : *sites) {
        if (!isSite(site, target.site))
            continue;
        const auto lists = m_catalog.lists.constFind(site.id);
        if (lists == m_catalog.lists.constEnd())
            continue;
        for (const SharePointList &list : *lists) {
            if ((!target.listGraphId.isEmpty() && list.graphId == target.listGraphId)
                || list.displayName.compare(target.listName, Qt::CaseInsensitive) == 0)
                return &list;
        }
    }
    return nullptr;
}

void DefinitionEditor::recordList(const SharePointSite &site, const SharePointList &list)
{
    QList<SharePointSite> &sites = m_catalog.sites[site.connectionId];
    const auto known = std::find_if(sites.begin(), sites.end(), [&](const SharePointSite &s) { return s.id == site.id; });
    if (known == sites.end())
        sites << site;
    QList<SharePointList> &lists = m_catalog.lists[site.id];
    const auto existing = std::find_if(lists.begin(), lists.end(), [&](const SharePointList &l) { return l.graphId == list.graphId; });
    if (existing == lists.end())
        lists << list;
    else
        *existing = list;
    setCatalog(m_catalog); // the pickers and the mapping editor learn the list
    sourceChanged();
    emit catalogChanged();
}

void DefinitionEditor::setDefinition(const SyncDefinition &definition, const QStringList &otherNames)
{
    m_form->setDefinition(definition, otherNames);
    m_sharding->setDesign(definition.targetStrategy, definition.targets, definition.sharding);
    m_mappings->setMappings(definition.mappings);
    m_mappings->setDefaultDirection(defaultDirectionFor(definition.mode));
    m_mappings->setDefinitionNames(otherNames);
    m_schedule->setSchedule(definition);
    m_shownSource.clear();
    m_shownMappingList.clear();
    sourceChanged();
    showSemanticProblems();
    m_preview->setDefinition(definition.id, definition.name, false);
    m_drift->setDefinition(definition.id, definition.name);
    showReplication(definition);
}

void DefinitionEditor::showReplication(const SyncDefinition &definition)
{
    const int tab = indexOf(m_replication);
    m_replication->setDefinition(definition.id, definition.name);
    setTabIcon(tab, QIcon());
    setTabVisible(tab, definition.mode == SyncMode::Cdc);
    if (currentIndex() == tab && definition.mode == SyncMode::Cdc)
        m_replication->refresh();
}

SyncDefinition DefinitionEditor::definition() const
{
    return m_form->definition();
}

QList<ValidationIssue> DefinitionEditor::problems() const
{
    // The form's (the JSON import's shape checks and another definition's name), then the semantic
    // check the import and every run make: Save refuses what import refuses.
    return m_form->problems() + semanticProblems(definition());
}

QList<ValidationIssue> DefinitionEditor::semanticProblems(const SyncDefinition &current) const
{
    QList<ValidationIssue> problems;
    const QString path = QStringLiteral("$.definitions[0]");
    const TableInfo *table = m_form->currentTable();
    if (!table) // nothing to check against yet: what does not parse, each naming its rule or mapping
        return expressionIssues(current, path);
    DefinitionFacts facts;
    facts.table = *table;
    for (const SyncTarget &target : current.targets) {
        const SharePointList *list = catalogList(target);
        facts.listColumns << (list && !list->columns.isEmpty() ? std::optional<QList<SharePointColumn>>(list->columns) : std::nullopt);
    }
    static const QRegularExpression mappingPath(QStringLiteral("\\.mappings\\[(\\d+)\\]"));
    for (ValidationIssue issue : checkDefinition(current, facts, path).problems) {
        // A mapping's problem names the mapping: the form shows it without its JSON path.
        const QRegularExpressionMatch match = mappingPath.match(issue.path);
        if (match.hasMatch()) {
            const FieldMapping mapping = current.mappings.value(match.captured(1).toInt());
            // Named once: the check's own message may name the mapping already (a transform's error does).
            const QString named = tr("Mapping %1 → %2: %3").arg(mapping.sourceColumn, mapping.targetColumn, QString());
            if (!issue.message.startsWith(named))
                issue.message = named + issue.message;
        }
        problems << issue;
    }
    return problems;
}

void DefinitionEditor::showSemanticProblems()
{
    m_form->setCheckProblems(semanticProblems(definition()));
}

void DefinitionEditor::commitPendingEdits()
{
    m_sharding->applyPendingEdits();
    m_schedule->applyPendingEdits();
}

bool DefinitionEditor::isModified() const
{
    return m_form->isModified();
}

void DefinitionEditor::setModified(bool modified)
{
    m_form->setModified(modified);
    const SyncDefinition current = definition();
    m_preview->setDefinition(current.id, current.name, modified);
    m_drift->setDefinition(current.id, current.name); // the check compares the definition as saved
    if (!modified)
        showReplication(current); // saved: a definition made CDC gets the tab
}

void DefinitionEditor::onFormChanged()
{
    const SyncDefinition current = definition();
    m_mappings->setDefaultDirection(defaultDirectionFor(current.mode));
    m_sharding->setStrategy(current.targetStrategy);
    sourceChanged();
    showSemanticProblems();
    m_preview->setDefinition(current.id, current.name, m_form->isModified());
    emit changed();
}

void DefinitionEditor::onDesignChanged()
{
    m_form->setDesign(m_sharding->targets(), m_sharding->sharding(), m_mappings->mappings());   // validates, emits changed
    showMappingColumns();
}

void DefinitionEditor::onScheduleChanged()
{
    SyncDefinition scheduled = definition();
    m_schedule->applyTo(scheduled);
    m_form->setSchedule(scheduled); // validates (a cron that does not parse is a problem), emits changed
}

const Database *DefinitionEditor::sourceDatabase() const
{
    const qint64 id = definition().source.databaseId;
    for (const Database &database : m_catalog.databases) {
        if (database.id == id)
            return &database;
    }
    return nullptr;
}

void DefinitionEditor::sourceChanged()
{
    const SyncDefinition current = definition();
    const QString source = QStringLiteral("%1/%2.%3").arg(current.source.databaseId).arg(current.source.schema, current.source.table);
    if (source == m_shownSource)
        return;
    m_shownSource = source;
    const TableInfo *table = m_form->currentTable();
    m_sharding->setTable(table ? *table : TableInfo{});
    m_shownMappingList.clear();
    showMappingColumns();
    loadSamples();
}

void DefinitionEditor::showMappingColumns()
{
    // The columns of the first list: mappings are the definition's, and lists provisioned from one
    // table share their columns. A list not yet in the catalog shows what provisioning would create.
    const SyncDefinition current = definition();
    const SyncTarget target = current.targets.value(0);
    const TableInfo *table = m_form->currentTable();
    const QString key = QStringLiteral("%1|%2|%3").arg(target.connectionName, target.listName, table ? table->qualifiedName() : QString());
    if (key == m_shownMappingList)
        return;
    m_shownMappingList = key;
    const TableInfo source = table ? *table : TableInfo{};
    const SharePointList *list = catalogList(target);
    m_mappings->setReadColumnsOffered(false);
    if (list && !list->columns.isEmpty()) {
        m_mappings->setColumns(
            source, list->columns, tr("Columns of the list '%1' in %2 (from the catalog).").arg(list->displayName, target.site));
        return;
    }
    if (target.listName.isEmpty()) {
        m_mappings->setColumns(source, {}, tr("Choose a SharePoint list under 'Lists & routing' to map columns into it."));
        return;
    }
    m_mappings->setColumns(source, columnsAfterProvisioning(planList(source, target.listName)),
        tr("The columns of '%1' are not known yet: these are the columns provisioning would create from the table. "
           "Read list columns reads the list's real columns from SharePoint.")
            .arg(target.listName));
    m_mappings->setReadColumnsOffered(connectionOf(target) != nullptr && !target.site.isEmpty());
}

void DefinitionEditor::readListColumns()
{
    const SyncTarget target = definition().targets.value(0);
    const SharePointConnection *connection = connectionOf(target);
    if (!connection || m_readingColumns)
        return;
    m_readingColumns = true;
    m_mappings->setReadingColumns(tr("Reading the columns of '%1' from SharePoint…").arg(target.listName));
    readAndRecordList(this, m_context, *connection, target, [this](Result<RecordedList> read) {
        m_readingColumns = false;
        if (!read) {
            m_mappings->setReadingColumns({});
            m_mappings->setColumnsNote(tr("The list's columns could not be read: %1").arg(read.error().message()), true);
            return;
        }
        m_mappings->setReadingColumns({});
        recordList(read->site, read->list);
    });
}

void DefinitionEditor::provisionList(int row)
{
    const SyncTarget target = m_sharding->targets().value(row);
    const TableInfo *table = m_form->currentTable();
    if (!table) {
        m_sharding->setPreviewPending(tr("Choose the source table under General first: a new list is provisioned from it."));
        return;
    }
    QStringList sites;
    for (const SharePointConnection &connection : std::as_const(m_catalog.sharePoint)) {
        for (const SharePointSite &site : m_catalog.sites.value(connection.id))
            sites << sitePath(site);
    }
    if (!target.site.isEmpty() && !sites.contains(target.site))
        sites.prepend(target.site);
    sites.removeDuplicates();
    auto *dialog = new ProvisionDialog(*table, m_catalog.sharePoint, sites, m_context.graph, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->listNameEdit()->setText(target.listName.isEmpty() ? table->name : target.listName);
    if (const SharePointConnection *connection = connectionOf(target))
        dialog->connectionCombo()->setCurrentIndex(dialog->connectionCombo()->findData(connection->id));
    if (!target.site.isEmpty())
        dialog->siteCombo()->setCurrentText(target.site);
    connect(dialog, &ProvisionDialog::provisioned, this, [this, dialog, row](const ProvisioningReport &report) {
        const QString name = dialog->listNameEdit()->text().trimmed();
        m_sharding->setList(row, name, report.listId);
        if (row == 0)
            readListColumns(); // the mapping editor shows the new list's real columns
    });
    dialog->open();
}

void DefinitionEditor::loadSamples()
{
    const Database *database = sourceDatabase();
    const TableInfo *table = m_form->currentTable();
    const quint64 generation = ++m_samplesGeneration;
    if (!database || !table || !m_context.secrets) {
        m_mappings->setSamples({}, {});
        return;
    }
    m_mappings->setSamples({}, tr("Reading sample rows…"));
    runWithDatabase(
        this, *m_context.secrets, *database, [database = *database, table = *table](const PasswordLookup &passwords) { return readSamples(database, table, passwords); },
        [this, generation](Result<Samples> samples) {
            if (generation != m_samplesGeneration)
                return;   // the source changed meanwhile
            if (!samples) {
                m_mappings->setSamples({}, tr("No sample rows: %1").arg(samples.error().message()));
                return;
            }
            m_mappings->setSamples(samples->rows, samples->note);
        });
}

void DefinitionEditor::countRoutes()
{
    // One count at a time: on a large table a count takes a while, and typing must not pile up
    // queries. A count is shown only if the design it counted is still the one on screen;
    // otherwise the design is counted again.
    if (m_counting)
        return;
    const Database *database = sourceDatabase();
    const TableInfo *table = m_form->currentTable();
    if (!database || !table || !m_context.secrets) {
        m_sharding->setPreviewPending(tr("Choose the source table under General to count its rows per list."));
        return;
    }
    m_counting = true;
    m_sharding->setPreviewPending(tr("Counting…"));
    const SyncDefinition current = definition();
    runWithDatabase(
        this, *m_context.secrets, *database,
        [database = *database, table = *table, current](const PasswordLookup &passwords) -> std::pair<Result<RoutePreview>, qint64> {
            QElapsedTimer timer;
            timer.start();
            auto preview = SyncBridge::countRoutes(database, passwords, current, table);
            return {preview, timer.elapsed()};
        },
        [this, counted = routingOf(current)](std::pair<Result<RoutePreview>, qint64> result) {
            m_counting = false;
            if (routingOf(definition()) != counted) {   // the design changed while counting
                countRoutes();
                return;
            }
            m_sharding->setPreview(result.first, result.second);
        });
}

} // namespace SyncBridge
