// PushRun, step Resolving: the site and each list by name; the definition checked against the table
// and the lists as they are (preflight.cpp) before a missing list is provisioned; then the plan's
// context.
#include "sync/push/pushrun.h"

#include "common/logging.h"
#include "graph/batchwriter.h"
#include "graph/discovery.h"
#include "graph/graphclient.h"
#include "graph/provisioning.h"
#include "graph/referencecolumns.h"
#include "store/definitionrepository.h"

#include <QCoreApplication>
#include <QUrl>

namespace SyncBridge {

void PushRun::resolveTargets(int index)
{
    if (index == 0) {
        report(RunPhase::Resolving);
        Discovery::site(*m_graph, m_definition.targets.first().site, [this](Result<SharePointSite> site) {
            if (!site) {
                fail(site.error());
                return;
            }
            m_siteId = site->graphId;
            m_writer = std::make_unique<BatchWriter>(*m_graph, m_siteId);
            auto references = ReferenceResolver::make(*m_store, m_definition, *m_graph, m_siteId);
            if (!references) {
                fail(references.error());
                return;
            }
            m_references = *references;
            resolveTargets(1);
        });
        return;
    }
    if (index > m_definition.targets.size()) {
        // Checked before a missing list is provisioned: a wrong definition creates nothing.
        if (auto checked = checkDefinition(); !checked) {
            fail(checked.error());
            return;
        }
        provisionMissingLists(0);
        return;
    }
    SyncTarget &target = m_definition.targets[index - 1];
    const auto withList = [this, index](const QString &listId) {
        m_definition.targets[index - 1].listGraphId = listId;
        ResolvedTarget resolved;
        resolved.target = m_definition.targets.at(index - 1);
        resolved.listId = listId;
        if (listId.isEmpty()) { // a list that does not exist yet: the columns provisioning would make
            for (const ColumnPlan &column : listPlan(resolved.target.listName).columns) {
                if (!column.supported) {
                    if (m_options.dryRun) // a real run says so when it provisions the list
                        columnLeftOut(resolved.target.listName, column);
                    continue;
                }
                SharePointColumn planned = Discovery::columnFromJson(column.definition);
                planned.name = column.internalName;
                resolved.columns.insert(planned.name, planned);
            }
            for (const SharePointColumn &builtIn : {Discovery::columnFromJson(QJsonObject{{QStringLiteral("name"), QStringLiteral("Title")},
                     {QStringLiteral("text"), QJsonObject{{QStringLiteral("maxLength"), 255}}}})})
                resolved.columns.insert(builtIn.name, builtIn);
            m_targets << resolved;
            resolveTargets(index + 1);
            return;
        }
        Discovery::columns(*m_graph, m_siteId, listId, [this, index, resolved](Result<QList<SharePointColumn>> columns) mutable {
            if (!columns) {
                fail(columns.error());
                return;
            }
            for (const SharePointColumn &column : std::as_const(*columns))
                resolved.columns.insert(column.name, column);
            m_targets << resolved;
            resolveTargets(index + 1);
        });
    };
    GraphRequest lookup;
    lookup.url = QStringLiteral("/sites/%1/lists/%2")
                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_siteId, ",")),
                         QString::fromLatin1(QUrl::toPercentEncoding(target.listName)));
    m_graph->send(lookup, [this, withList, target](GraphResponse found) {
        if (found.ok()) {
            withList(found.body.value(QStringLiteral("id")).toString());
            return;
        }
        if (found.status != 404) {
            fail(describeGraphFailure(found, QCoreApplication::translate("SyncBridge::Sync", "The list '%1'").arg(target.listName)));
            return;
        }
        if (!target.listGraphId.isEmpty()) {
            // This definition wrote to the list before: recreating it silently would hide lost data.
            fail(Error(ErrorCode::NotFound,
                QCoreApplication::translate("SyncBridge::Sync",
                    "The list '%1' was deleted or renamed in SharePoint. Restore it, or remove "
                    "its id from the definition to create a new list.")
                    .arg(target.listName),
                QStringLiteral("list id %1").arg(target.listGraphId)));
            return;
        }
        withList(QString()); // provisioned once the definition is checked (not in a dry run)
    });
}

void PushRun::provisionMissingLists(int index)
{
    const auto missing
        = std::find_if(m_targets.begin() + index, m_targets.end(), [](const ResolvedTarget &t) { return t.listId.isEmpty(); });
    if (missing == m_targets.end() || m_options.dryRun) {
        planWithResolvedTargets();
        return;
    }
    const int at = int(missing - m_targets.begin());
    const SyncTarget target = missing->target;
    const ListPlan plan = listPlan(target.listName);
    for (const FieldMapping &mapping : std::as_const(m_definition.mappings)) {
        const auto column = std::find_if(plan.columns.cbegin(), plan.columns.cend(), [&](const ColumnPlan &c) {
            return mapping.kind != FieldKind::Value && c.sourceColumn == mapping.sourceColumn && !c.supported;
        });
        if (column != plan.columns.cend()) { // a list without its lookup column would never hold the references
            fail(Error(ErrorCode::InvalidInput,
                QCoreApplication::translate("SyncBridge::Sync", "List '%1': %2").arg(target.listName, leftOutMessage(*column))));
            return;
        }
    }
    provisionList(*m_graph, m_siteId, plan, [this, at, target](Result<ProvisioningReport> report) {
        if (!report) {
            fail(report.error());
            return;
        }
        event(EventSeverity::Info, QStringLiteral("list-provisioned"),
            QCoreApplication::translate(
                "SyncBridge::Sync", "Created the list '%1' with %n column(s).", nullptr, int(report->addedColumns.size()))
                .arg(target.listName));
        // Every source column the list could not get is said, never dropped in silence.
        for (const ColumnPlan &column : std::as_const(report->unsupported))
            columnLeftOut(target.listName, column);
        const QString listId = report->listId;
        Discovery::columns(*m_graph, m_siteId, listId, [this, at, listId](Result<QList<SharePointColumn>> columns) {
            if (!columns) {
                fail(columns.error());
                return;
            }
            ResolvedTarget &resolved = m_targets[at];
            resolved.listId = listId;
            resolved.columns.clear();
            for (const SharePointColumn &column : std::as_const(*columns))
                resolved.columns.insert(column.name, column);
            m_definition.targets[at].listGraphId = listId;
            resolved.target.listGraphId = listId;
            provisionMissingLists(at + 1);
        });
    });
}

ListPlan PushRun::listPlan(const QString &listName) const
{
    ListPlan plan = planList(m_table, listName);
    planReferenceColumns(plan, m_table, m_definition.mappings, m_references->lookupLists());
    planRichTextColumns(plan, m_definition.mappings);
    return plan;
}

void PushRun::columnLeftOut(const QString &listName, const ColumnPlan &column)
{
    event(EventSeverity::Warning, QStringLiteral("column-left-out"),
        QCoreApplication::translate("SyncBridge::Sync", "List '%1': %2").arg(listName, leftOutMessage(column)),
        QJsonObject{
            {QStringLiteral("list"), listName}, {QStringLiteral("column"), column.sourceColumn}, {QStringLiteral("reason"), column.note}});
}

void PushRun::planWithResolvedTargets()
{
    auto context = PlanContext::make(m_definition, m_table, m_targets);
    if (!context) {
        fail(context.error());
        return;
    }
    m_context = *context;
    if (!m_options.dryRun) {
        auto saved = DefinitionRepository(*m_store).rememberListIds(m_definition);
        if (!saved)
            qCWarning(lcSync).noquote() << "cannot remember list ids:" << saved.error().toString();
    }
    nextStep();
}

} // namespace SyncBridge
