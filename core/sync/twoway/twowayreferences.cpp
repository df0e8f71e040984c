// TwoWayRun, LOOKUP and PERSON mappings: both sides are compared in the row's form (the referenced
// row's key, the person's email). Before planning, the items' lookup and person ids are turned into
// keys and emails as a pull does; after planning, the keys and emails SharePoint is to be sent are
// turned into ids as a push does. Both go through the run's ReferenceResolver. A reference that does
// not resolve is never written as an empty value: its field keeps the agreed value and waits.
#include "sync/twoway/twowayrun.h"

#include "sync/pull/pullvalue.h"

namespace SyncBridge {

QList<FieldMapping> TwoWayRun::referenceMappings() const
{
    QList<FieldMapping> references;
    std::copy_if(m_mappings.cbegin(), m_mappings.cend(), std::back_inserter(references),
        [](const FieldMapping &mapping) { return mapping.kind != FieldKind::Value; });
    return references;
}

QHash<QString, ColumnInfo> TwoWayRun::sourceColumns() const
{
    QHash<QString, ColumnInfo> columns;
    for (const ColumnInfo &column : std::as_const(m_table.columns))
        columns.insert(column.name, column);
    return columns;
}

void TwoWayRun::resolveItemReferences(std::function<void()> then)
{
    if (!m_references || m_references->isEmpty() || m_changedItems.isEmpty()) {
        then();
        return;
    }
    m_references->resolveItems(
        m_changedItems.values(), m_columns,
        [this, then](Result<ResolvedReferences> resolved) {
            if (m_done)
                return;
            if (!resolved) {
                fail(resolved.error());
                return;
            }
            m_itemReferences = *resolved;
            then();
        },
        ReferenceResolver::Mappings::All);
}

void TwoWayRun::resolveWriteReferences(std::function<void()> then)
{
    const QList<FieldMapping> references = referenceMappings();
    // Each item write's references as the row's cells (the comparable form back to database text),
    // so the push's resolution reads them as it reads a row.
    QList<int> sending;
    QList<SourceRow> cells;
    for (int i = 0; i < m_plans.size() && !references.isEmpty(); ++i) {
        RowPlan &plan = m_plans[i];
        if (!plan.error.isEmpty() || (plan.kind != RowPlan::Kind::Merge && plan.kind != RowPlan::Kind::CreateItem))
            continue;
        SourceRow row;
        for (const FieldMapping &mapping : references) {
            const auto value = plan.sharePointWrite.constFind(mapping.targetColumn);
            if (value == plan.sharePointWrite.constEnd())
                continue;
            auto text = toPostgresValue(*m_table.column(mapping.sourceColumn), *value, m_siteZone);
            if (!text) {
                plan.error = QStringLiteral("%1: %2").arg(mapping.targetColumn, text.error().message());
                break;
            }
            row.values.insert(mapping.sourceColumn, *text);
        }
        if (plan.error.isEmpty() && !row.values.isEmpty()) {
            sending << i;
            cells << row;
        }
    }
    if (cells.isEmpty()) {
        then();
        return;
    }
    const QHash<QString, ColumnInfo> columns = sourceColumns();
    m_references->resolveRows(cells, columns, [this, sending, cells, references, columns, then](Result<ResolvedReferences> resolved) {
        if (m_done)
            return;
        if (!resolved) {
            fail(resolved.error());
            return;
        }
        for (int n = 0; n < sending.size(); ++n) {
            RowPlan &plan = m_plans[sending.at(n)];
            for (const FieldMapping &mapping : references) {
                if (!cells.at(n).values.contains(mapping.sourceColumn))
                    continue;
                QJsonObject ids;
                const QString problem = putReferences(ids, cells.at(n), {mapping}, columns, m_columns, *resolved);
                if (problem.isEmpty()) {
                    plan.sharePointWrite.insert(mapping.targetColumn, ids.value(mapping.targetColumn));
                    continue;
                }
                plan.referenceProblem = plan.referenceProblem.isEmpty() ? problem : plan.referenceProblem;
                if (plan.kind == RowPlan::Kind::CreateItem) { // as a push: the row waits whole, no item without it
                    plan.error = problem;
                    break;
                }
                // Not sent: the agreed value is what SharePoint holds, so the next run sends the row's again.
                plan.sharePointWrite.remove(mapping.targetColumn);
                plan.agreed.insert(mapping.targetColumn, plan.sharePointNow.value(mapping.targetColumn));
            }
        }
        then();
    });
}

} // namespace SyncBridge
