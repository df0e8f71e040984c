#include "sync/mappingadvisor.h"

#include "graph/discovery.h"
#include "graph/provisioning.h"
#include "sync/fieldmapper.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <climits>
#include <vector>

namespace SyncBridge {
namespace {

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> previous(size_t(b.size()) + 1), current(size_t(b.size()) + 1);
    for (int j = 0; j <= b.size(); ++j)
        previous[size_t(j)] = j;
    for (int i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int substitution = previous[size_t(j - 1)] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            current[size_t(j)] = std::min({previous[size_t(j)] + 1, current[size_t(j - 1)] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[size_t(b.size())];
}

bool writable(const SharePointColumn &column)
{
    return !column.readOnly && !column.system && !Discovery::isSystemField(column.name) && column.name != syncBridgeKeyColumn;
}

bool isTemporal(const ColumnInfo &column)
{
    static const QStringList temporal{QStringLiteral("date"), QStringLiteral("timestamp"), QStringLiteral("timestamptz")};
    return temporal.contains(column.typeName);
}

// Why a source column cannot go into a target column, or an empty string when it can.
QString incompatibility(const ColumnInfo &source, const SharePointColumn &target)
{
    if (target.type == QLatin1String("number") || target.type == QLatin1String("currency")) {
        if (!source.holdsNumbers())
            return QCoreApplication::translate(
                "SyncBridge::Mapping", "%1 (%2) goes into the number column %3: text that is not a number fails the row.");
    } else if (target.type == QLatin1String("dateTime")) {
        if (!isTemporal(source))
            return QCoreApplication::translate(
                "SyncBridge::Mapping", "%1 (%2) goes into the date column %3: values that are not dates fail the row.");
    } else if (target.type == QLatin1String("boolean")) {
        if (source.typeName != QLatin1String("bool"))
            return QCoreApplication::translate("SyncBridge::Mapping", "%1 (%2) goes into the Yes/No column %3: only true and false fit.");
    }
    return {};
}

} // namespace

QString normalizedColumnName(const QString &name)
{
    QString normalized;
    for (const QChar c : name) {
        if (c.isLetterOrNumber())
            normalized += c.toLower();
    }
    return normalized;
}

QList<FieldMapping> suggestMappings(const TableInfo &table, const QList<SharePointColumn> &targets, const QList<FieldMapping> &existing)
{
    QSet<QString> mappedSources, mappedTargets;
    for (const FieldMapping &mapping : existing) {
        mappedSources.insert(mapping.sourceColumn);
        mappedTargets.insert(mapping.targetColumn);
    }
    QList<FieldMapping> suggestions;
    for (const SharePointColumn &target : targets) {
        if (!writable(target) || mappedTargets.contains(target.name))
            continue;
        const QString wanted = normalizedColumnName(target.name);
        const QString wantedDisplay = normalizedColumnName(target.displayName);
        const ColumnInfo *best = nullptr;
        int bestDistance = 0;
        for (const ColumnInfo &column : table.columns) {
            if (mappedSources.contains(column.name))
                continue;
            const QString candidate = normalizedColumnName(column.name);
            int distance = std::min(editDistance(candidate, wanted), wantedDisplay.isEmpty() ? INT_MAX : editDistance(candidate, wantedDisplay));
            // close enough: at most one edit per five characters ("adress" ↔ "address", not "name" ↔ "game")
            if (distance * 5 > candidate.size())
                continue;
            if (!best || distance < bestDistance) {
                best = &column;
                bestDistance = distance;
            }
        }
        if (!best)
            continue;
        FieldMapping mapping;
        mapping.sourceColumn = best->name;
        mapping.targetColumn = target.name;
        mapping.direction = FieldDirection::Bidirectional;
        suggestions << mapping;
        mappedSources.insert(best->name);
        mappedTargets.insert(target.name);
    }
    return suggestions;
}

QList<MappingAdvice> checkMappings(const TableInfo &table, const QList<SharePointColumn> &targets, const QList<FieldMapping> &mappings)
{
    QList<MappingAdvice> advice;
    const auto add = [&](MappingAdvice::Severity severity, const FieldMapping *mapping, const QString &target, const QString &message) {
        advice.append({severity, mapping ? mapping->sourceColumn : QString(), target, message});
    };
    QHash<QString, SharePointColumn> byName;
    for (const SharePointColumn &target : targets)
        byName.insert(target.name, target);
    QHash<QString, int> filled;
    for (const FieldMapping &mapping : mappings) {
        const ColumnInfo *source = table.column(mapping.sourceColumn);
        if (!source) {
            add(MappingAdvice::Severity::Error, &mapping, mapping.targetColumn,
                QCoreApplication::translate("SyncBridge::Mapping", "%1 is not a column of %2.")
                    .arg(mapping.sourceColumn, table.qualifiedName()));
            continue;
        }
        if (const ColumnPlan planned = planColumn(*source); !planned.supported && mapping.pushes()) {
            // A list cannot hold it (provisioning leaves it out), and every value would fail its row.
            add(MappingAdvice::Severity::Error, &mapping, mapping.targetColumn,
                QCoreApplication::translate("SyncBridge::Mapping", "%1: column '%2' cannot be pushed. Remove the mapping.")
                    .arg(planned.note, source->name));
            continue;
        }
        if (!byName.contains(mapping.targetColumn)) {
            add(MappingAdvice::Severity::Error, &mapping, mapping.targetColumn,
                QCoreApplication::translate(
                    "SyncBridge::Mapping", "The list has no column %1: provision it from the Catalog, or map to another column.")
                    .arg(mapping.targetColumn));
            continue;
        }
        const SharePointColumn &target = byName[mapping.targetColumn];
        if (!writable(target)) {
            if (mapping.pushes())
                add(MappingAdvice::Severity::Error, &mapping, target.name,
                    QCoreApplication::translate("SyncBridge::Mapping", "%1 is managed by SharePoint: it can only be read (set the direction to pull only).").arg(target.name));
            continue;
        }
        if (mapping.pushes())
            ++filled[target.name];
        if (!mapping.transform.isEmpty()) {
            if (const auto parsed = parseTransform(mapping.transform); !parsed)
                add(MappingAdvice::Severity::Error, &mapping, target.name, parsed.error().message());
        }
        if (const QString problem = incompatibility(*source, target); !problem.isEmpty() && mapping.transform.isEmpty())
            add(MappingAdvice::Severity::Warning, &mapping, target.name, problem.arg(source->name, source->dataType, target.name));
        if (target.type == QLatin1String("text") && target.maxLength > 0
            && (source->maxLength < 0 ? !source->holdsNumbers() && !isTemporal(*source) : source->maxLength > target.maxLength))
            add(MappingAdvice::Severity::Warning, &mapping, target.name,
                source->maxLength < 0 ? QCoreApplication::translate("SyncBridge::Mapping", "%1 is unbounded text; %2 holds %3 characters, so longer values fail their row.").arg(source->name, target.name).arg(target.maxLength)
                                      : QCoreApplication::translate("SyncBridge::Mapping", "%1 holds up to %2 characters; %3 only %4, so longer values fail their row.")
                                            .arg(source->name).arg(source->maxLength).arg(target.name).arg(target.maxLength));
    }
    for (auto it = filled.constBegin(); it != filled.constEnd(); ++it) {
        if (it.value() > 1)
            add(MappingAdvice::Severity::Error, nullptr, it.key(), QCoreApplication::translate("SyncBridge::Mapping", "%n mappings write into %1; keep one.", nullptr, it.value()).arg(it.key()));
    }
    for (const SharePointColumn &target : targets) {
        if (target.required && writable(target) && !filled.contains(target.name))
            add(MappingAdvice::Severity::Error, nullptr, target.name, QCoreApplication::translate("SyncBridge::Mapping", "%1 is required in SharePoint and nothing fills it: map a column to it.").arg(target.name));
    }
    return advice;
}

} // namespace SyncBridge
