#include "drift/driftcheck.h"

#include "common/logging.h"
#include "drift/driftreferences.h"
#include "drift/drifttablereader.h"
#include "graph/connectionsettings.h"
#include "graph/discovery.h"
#include "graph/governor.h"
#include "graph/graphclient.h"
#include "secrets/secretstore.h"
#include "source/sourcereader.h"
#include "store/catalogrepository.h"
#include "store/connectionrepository.h"
#include "store/definitionrepository.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/runrepository.h"
#include "sync/interruptedruns.h"
#include "sync/previewrow.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QTimer>
#include <QUrl>

namespace SyncBridge {
namespace {

QString encoded(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id, ","));
}

// Graph returns up to 12 lookup and person fields per collection read and silently leaves out the rest.
constexpr int lookupsPerCollectionRead = 12;

bool isLookup(const SharePointColumn &column)
{
    return column.type == QLatin1String("lookup") || column.type == QLatin1String("personOrGroup");
}

} // namespace

DriftCheck::DriftCheck(std::shared_ptr<MetaStore> store, SecretStore &secrets, GovernorSource governors, qint64 definitionId,
    const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_secrets(secrets)
    , m_governors(std::move(governors))
    , m_definitionId(definitionId)
    , m_clock(clock)
{
}

DriftCheck::~DriftCheck()
{
    m_tableReader.reset(); // its thread ends before anything it reads for goes
    if (!m_done && m_runId > 0) {
        const auto marked = markRunInterrupted(*m_store, m_runId,
            QCoreApplication::translate("SyncBridge::Drift", "SyncBridge quit during the drift check; it changed nothing."), m_clock);
        if (!marked)
            qCWarning(lcSync).noquote() << "cannot record the interrupted drift check:" << marked.error().toString();
    }
}

void DriftCheck::start()
{
    m_startedMs = m_clock.nowUtc().toMSecsSinceEpoch();
    if (auto prepared = prepare(); !prepared) {
        fail(prepared.error());
        return;
    }
    resolveSite();
}

void DriftCheck::cancel()
{
    m_cancelled = true;
    if (m_graph)
        m_graph->cancel();
    if (m_tableReader)
        m_tableReader->cancel(); // its `finished` ends the check, even while a list rests
}

qint64 DriftCheck::ruSpent() const
{
    return m_governor ? qMax<qint64>(0, m_governor->view().spentToday - m_ruAtStart) : 0;
}

Result<void> DriftCheck::prepare()
{
    auto definition = DefinitionRepository(*m_store).byId(m_definitionId);
    if (!definition)
        return definition.error();
    m_definition = *definition;
    m_report.definitionId = m_definitionId;
    m_report.definitionName = m_definition.name;
    m_report.checkedAt = m_clock.nowUtc();

    if (m_recorded) {
        SyncRun run;
        run.definitionId = m_definitionId;
        run.type = RunType::Drift;
        run.agent = thisAgent();
        run.agentName = QHostInfo::localHostName();
        run.startedAt = m_report.checkedAt;
        if (auto started = RunRepository(*m_store, m_clock).startRun(run); !started)
            return started.error();
        m_runId = run.id;
        m_report.runId = run.id;
    }

    if (m_definition.mode != SyncMode::Push)
        return Error(ErrorCode::Unsupported,
            QCoreApplication::translate("SyncBridge::Drift", "A drift check compares PUSH definitions; '%1' is %2.")
                .arg(m_definition.name, enumName(m_definition.mode)));
    if (m_definition.targets.isEmpty())
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::Drift", "The definition has no SharePoint list."));
    ConnectionRepository connections(*m_store);
    auto database = connections.database(m_definition.source.databaseId);
    if (!database)
        return database.error();
    m_database = *database;
    auto sharePoint = connections.sharePointConnections();
    if (!sharePoint)
        return sharePoint.error();
    const auto connection = std::find_if(sharePoint->cbegin(), sharePoint->cend(),
        [&](const SharePointConnection &c) { return c.id == m_definition.targets.first().connectionId; });
    if (connection == sharePoint->cend())
        return Error(ErrorCode::NotFound,
            QCoreApplication::translate("SyncBridge::Drift", "The definition's SharePoint connection no longer exists."));

    if (auto opened = openSource(); !opened)
        return opened;
    auto tables = m_source->tables();
    if (!tables)
        return tables.error();
    const auto table = std::find_if(tables->cbegin(), tables->cend(),
        [&](const TableInfo &t) { return t.schema == m_definition.source.schema && t.name == m_definition.source.table; });
    if (table == tables->cend())
        return Error(ErrorCode::NotFound,
            QCoreApplication::translate("SyncBridge::Drift", "The table %1.%2 does not exist in '%3'.")
                .arg(m_definition.source.schema, m_definition.source.table, database->name));
    m_table = *table;

    m_governor = m_governors(*connection);
    m_ruAtStart = m_governor->view().spentToday;
    m_graph = std::make_unique<GraphClient>(GraphEndpoint::from(*connection), secretSourceFor(m_secrets, *connection), m_governor, m_clock);
    if (m_cancelled)
        m_graph->cancel();
    return success();
}

void DriftCheck::resolveSite()
{
    emit progress(QCoreApplication::translate("SyncBridge::Drift", "Finding the lists…"), 0, 0);
    Discovery::site(*m_graph, m_definition.targets.first().site, [this](Result<SharePointSite> site) {
        if (!site) {
            fail(site.error());
            return;
        }
        m_siteId = site->graphId;
        resolveList(0);
    });
}

void DriftCheck::resolveList(int index)
{
    if (m_cancelled) {
        fail(driftCancelled());
        return;
    }
    if (index >= m_definition.targets.size()) {
        compareSchemas();
        // Rows planned through a mapping whose column is gone would all read as differing (and a
        // repair would blank that field in every item): the schema findings are the result then.
        if (hasBlocking(m_report.schema)) {
            completeSchemaOnly(Error(ErrorCode::InvalidInput,
                QCoreApplication::translate(
                    "SyncBridge::Drift", "the mappings no longer fit the columns; fix the blocking schema changes first.")));
            return;
        }
        auto context = PlanContext::make(m_definition, m_table, m_targets);
        if (!context) {
            fail(context.error());
            return;
        }
        m_context = *context;
        QList<DriftList> lists;
        for (const ResolvedTarget &target : std::as_const(m_targets))
            lists.append({target.target.listName, target.listId});
        m_classifier = std::make_unique<DriftClassifier>(lists);
        for (int list = 0; list < m_targets.size(); ++list) {
            m_fieldsOfList.append(plannedFieldNames(m_context, list));
            m_classifier->setComparedFields(list, m_fieldsOfList.constLast());
            const ResolvedTarget &target = m_targets.at(list);
            const auto lookups = std::count_if(target.columns.cbegin(), target.columns.cend(), [](const SharePointColumn &column) {
                return isLookup(column) && !column.system && !Discovery::isSystemField(column.name);
            });
            m_omitsLookups.append(lookups > lookupsPerCollectionRead);
        }
        loadReferences();
        return;
    }
    const SyncTarget target = m_definition.targets.at(index);
    GraphRequest lookup;
    lookup.url = QStringLiteral("/sites/%1/lists/%2").arg(encoded(m_siteId), QString::fromLatin1(QUrl::toPercentEncoding(target.listName)));
    m_graph->send(lookup, [this, index, target](GraphResponse found) {
        ResolvedTarget resolved;
        resolved.target = target;
        if (!found.ok() && found.status != 404) {
            fail(describeGraphFailure(found, QCoreApplication::translate("SyncBridge::Drift", "The list '%1'").arg(target.listName)));
            return;
        }
        if (!found.ok()) { // not there: every row routed to it is missing
            m_targets << resolved;
            resolveList(index + 1);
            return;
        }
        resolved.listId = found.body.value(QStringLiteral("id")).toString();
        Discovery::columns(*m_graph, m_siteId, resolved.listId, [this, index, resolved](Result<QList<SharePointColumn>> columns) mutable {
            if (!columns) {
                fail(columns.error());
                return;
            }
            for (const SharePointColumn &column : std::as_const(*columns))
                resolved.columns.insert(column.name, column);
            m_targets << resolved;
            resolveList(index + 1);
        });
    });
}

void DriftCheck::compareSchemas()
{
    SchemaFacts facts;
    facts.table = m_table;
    CatalogRepository catalog(*m_store);
    // The catalog's readings are what the definition was made against; without them, only what is
    // gone can be told (and a catalog that cannot be read is no reason to stop the check).
    if (auto snapshot = catalog.latestSnapshot(m_definition.source.databaseId); snapshot && *snapshot) {
        for (const TableInfo &table : std::as_const((*snapshot)->tables)) {
            if (table.schema == m_table.schema && table.name == m_table.name)
                facts.knownTable = table;
        }
    } else if (!snapshot) {
        qCWarning(lcSync).noquote() << "schema drift: cannot read the catalog's table:" << snapshot.error().toString();
    }
    QList<SharePointList> knownLists;
    if (auto sites = catalog.sites(m_definition.targets.first().connectionId)) {
        for (const SharePointSite &site : std::as_const(*sites)) {
            if (site.graphId != m_siteId)
                continue;
            if (auto lists = catalog.lists(site.id))
                knownLists = *lists;
        }
    }
    for (const ResolvedTarget &target : std::as_const(m_targets)) {
        if (target.listId.isEmpty())
            facts.listColumns.append(std::nullopt);
        else
            facts.listColumns.append(target.columns.values());
        QList<SharePointColumn> known;
        for (const SharePointList &list : std::as_const(knownLists)) {
            if (!target.listId.isEmpty() && list.graphId == target.listId)
                known = list.columns;
        }
        facts.knownListColumns.append(known);
    }
    m_report.schema = compareSchema(m_definition, facts);
}

void DriftCheck::completeSchemaOnly(const Error &notCompared)
{
    m_report.dataNotCompared = notCompared.message();
    m_report.ruSpent = ruSpent();
    m_report.seconds = (m_clock.nowUtc().toMSecsSinceEpoch() - m_startedMs) / 1000.0;
    if (auto recorded = m_recorded ? record() : success(); !recorded) {
        fail(recorded.error());
        return;
    }
    m_done = true;
    emit finished();
}

Result<void> DriftCheck::openSource()
{
    auto source = SourceReader::open(
        m_database, [this](const DatabaseInstance &instance) { return readSecretBlocking(m_secrets, instance.secretRef); },
        [](const QString &message) { qCInfo(lcSync).noquote() << message; });
    if (!source)
        return source.error();
    m_source = std::move(*source);
    return success();
}

Result<void> DriftCheck::forEachRow(const std::function<void(const SourceRow &)> &visit)
{
    return forEachTableRow(
        *m_source, m_table, m_context.keyColumns, [this]() { return m_cancelled; }, visit);
}

void DriftCheck::loadReferences()
{
    emit progress(QCoreApplication::translate("SyncBridge::Drift", "Reading what lookups and people refer to…"), 0, 0);
    DriftReferences::load(
        *m_store, *m_graph, m_siteId, m_definition.mappings, [this](Result<std::shared_ptr<const DriftReferences>> loaded) {
            if (m_done)
                return;
            if (!loaded) {
                fail(loaded.error());
                return;
            }
            m_references = *loaded;
            startReading();
        });
}

void DriftCheck::startReading()
{
    m_tableReader = std::make_unique<DriftTableReader>(std::move(m_source), m_table, m_context, m_references);
    m_tableReader->start(
        this,
        [this](const DriftTableReader::Page &page) {
            if (m_done)
                return;
            m_classifier->addRows(page.rows);
            m_report.sourceRows += page.rowsRead;
            m_report.unplannedRows += page.unplannedRows;
            resumeList();
            emit progress(QCoreApplication::translate("SyncBridge::Drift", "Reading the table…"), m_report.sourceRows, m_report.itemsRead);
        },
        [this](const Result<void> &read) { tableRead(read); });
    if (!m_tableReadFirst)
        readList(0);
}

void DriftCheck::tableRead(const Result<void> &read)
{
    if (m_done)
        return;
    m_tableReader.reset(); // its session has ended with the reading
    if (!read) {
        fail(read.error());
        return;
    }
    m_tableRead = true;
    m_classifier->rowsComplete();
    resumeList();
    // The ledger's entries are kept for the rows' slots: every row is in now.
    readLedger({});
}

void DriftCheck::readLedger(const QString &after)
{
    if (m_done)
        return;
    if (m_cancelled) {
        fail(driftCancelled());
        return;
    }
    auto page = LedgerRepository(*m_store).entriesAfter(m_definitionId, after, ledgerPageSize);
    if (!page) {
        fail(page.error());
        return;
    }
    for (const LedgerEntry &entry : std::as_const(*page))
        m_classifier->addLedgerEntry(entry);
    if (page->size() == ledgerPageSize) {
        QTimer::singleShot(0, this, [this, next = page->constLast().identityHash]() { readLedger(next); });
        return;
    }
    m_ledgerRead = true;
    if (m_tableReadFirst && !m_listsRead)
        readList(0);
    else
        completeWhenRead();
}

void DriftCheck::completeWhenRead()
{
    if (m_tableRead && m_ledgerRead && m_listsRead)
        complete();
}

void DriftCheck::complete()
{
    const DriftDetailsNeeded needed = m_classifier->classify(m_report);
    m_classifier.reset();
    if (auto completed = completeDetails(needed); !completed) {
        fail(completed.error());
        return;
    }
    m_report.ruSpent = ruSpent();
    m_report.seconds = (m_clock.nowUtc().toMSecsSinceEpoch() - m_startedMs) / 1000.0;
    if (auto recorded = m_recorded ? record() : success(); !recorded) {
        fail(recorded.error());
        return;
    }
    m_done = true;
    emit finished();
}

Result<void> DriftCheck::completeDetails(const DriftDetailsNeeded &needed)
{
    // Only the differences are held in full: their rows are read and planned again, their orphans'
    // identities come from the ledger (none of it when table and lists agree).
    QSet<QString> rowsFound;
    if (needed.needsRows()) {
        emit progress(
            QCoreApplication::translate("SyncBridge::Drift", "Reading the differing rows…"), m_report.sourceRows, m_report.itemsRead);
        if (auto opened = openSource(); !opened)
            return opened;
        const QHash<QString, LedgerEntry> noLedger;
        auto read = forEachRow([&](const SourceRow &row) {
            const RowIdentity identity = identityOf(m_context, row);
            if (!needed.entriesOfRow.contains(identity.hash) && !needed.unlinkedOfRow.contains(identity.hash))
                return;
            const PlannedRow plan = planRow(m_context, row, noLedger, m_references->answersFor(row, m_context.sourceColumns));
            if (plan.action == PlannedRow::Action::Failed)
                return;
            rowsFound.insert(plan.identity.hash);
            completeRow(m_report, needed, plan.identity.hash, plan.identity.text, plan.contentHash, plan.fields);
        });
        m_source.reset();
        if (!read)
            return read;
    }
    if (!needed.orphansOfLedgerKey.isEmpty()) {
        auto read = LedgerRepository(*m_store).forEachEntry(m_definitionId, [&](const LedgerEntry &entry) {
            if (needed.orphansOfLedgerKey.contains(entry.identityHash))
                completeOrphan(m_report, needed, entry.identityHash, entry.identityText);
        });
        if (!read)
            return read;
    }
    removeSettledEntries(m_report, needed, rowsFound);
    return success();
}

} // namespace SyncBridge
