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

bool formatsNumbers(const QString &transform)
{
    const auto steps = parseTransform(transform);
    return steps && std::any_of(steps->cbegin(), steps->cend(), [](const TransformStep &step) { return step.kind == TransformStep::Kind::Format; });
}

// Why a source column's values do not go into a target column (%1 source, %2 its type, %3 target),
// and whether SharePoint refuses every such value (an error) or only some (a warning).
struct Incompatibility {
    MappingAdvice::Severity severity = MappingAdvice::Severity::Warning;
    QString message;
};

// The values a column becomes are those of sync/valueconverter.h: numbers as JSON numbers, booleans
// as true/false, arrays as arrays, everything else as text — and SharePoint checks the JSON kind.
std::optional<Incompatibility> incompatibility(const ColumnInfo &source, const SharePointColumn &target, const QString &transform)
{
    const auto error = [](const char *text) { return Incompatibility{MappingAdvice::Severity::Error, QCoreApplication::translate("SyncBridge::Mapping", text)}; };
    const auto warning = [](const char *text) { return Incompatibility{MappingAdvice::Severity::Warning, QCoreApplication::translate("SyncBridge::Mapping", text)}; };
    if (source.isArray && !target.multiValue)
        return error(QT_TRANSLATE_NOOP("SyncBridge::Mapping", "%1 (%2) holds lists of values; %3 takes one value: map it to a multi-choice column."));
    if (target.type == QLatin1String("number") || target.type == QLatin1String("currency")) {
        if (!source.holdsNumbers())
            return error(QT_TRANSLATE_NOOP("SyncBridge::Mapping", "%1 (%2) is not a number column; the number column %3 takes only numbers, so every row would fail."));
    } else if (target.type == QLatin1String("dateTime")) {
        if (!isTemporal(source) && transform.isEmpty())
            return warning(QT_TRANSLATE_NOOP("SyncBridge::Mapping", "%1 (%2) goes into the date column %3: values that are not dates fail the row."));
    } else if (target.type == QLatin1String("boolean")) {
        if (source.typeName != QLatin1String("bool"))
            return error(QT_TRANSLATE_NOOP("SyncBridge::Mapping", "%1 (%2) goes into the Yes/No column %3, which takes only true and false, so every row would fail."));
    } else if (target.type == QLatin1String("text") || target.type == QLatin1String("choice")) {
        if (source.holdsNumbers() && !formatsNumbers(transform))
            return error(QT_TRANSLATE_NOOP("SyncBridge::Mapping",
                "%1 (%2) holds numbers; the text column %3 takes only text, so every row would fail. Write them as text with the "
                "transform FORMAT('0') (FORMAT('0.00') for two decimals)."));
        if (source.typeName == QLatin1String("bool"))
            return error(QT_TRANSLATE_NOOP("SyncBridge::Mapping", "%1 (%2) holds yes/no values; the text column %3 takes only text: map it to a Yes/No column."));
    }
    return std::nullopt;
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

QString closestName(const QString &wanted, const QStringList &candidates)
{
    const QString normalizedWanted = normalizedColumnName(wanted);
    QString best;
    int bestDistance = INT_MAX;
    for (const QString &candidate : candidates) {
        const int distance = editDistance(normalizedColumnName(candidate), normalizedWanted);
        if (distance * 5 <= normalizedWanted.size() && distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
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

QList<MappingAdvice> checkMappings(
    const TableInfo &table, const QList<SharePointColumn> &targets, const QList<FieldMapping> &mappings, const QHash<QString, QString> &provisionedNames)
{
    QList<MappingAdvice> advice;
    const auto add = [&](MappingAdvice::Severity severity, const FieldMapping *mapping, const QString &target, const QString &message) {
        advice.append({severity, mapping ? mapping->sourceColumn : QString(), target, mapping ? int(mapping - mappings.constData()) : -1, message});
    };
    QHash<QString, SharePointColumn> byName;
    QStringList targetNames, sourceNames;
    for (const SharePointColumn &target : targets) {
        byName.insert(target.name, target);
        targetNames << target.name;
    }
    for (const ColumnInfo &column : table.columns)
        sourceNames << column.name;
    const auto didYouMean = [](const QString &closest) {
        return closest.isEmpty() ? QString() : QLatin1Char(' ') + QCoreApplication::translate("SyncBridge::Mapping", "Did you mean %1?").arg(closest);
    };
    QHash<QString, int> filled;
    for (const FieldMapping &mapping : mappings) {
        const ColumnInfo *source = table.column(mapping.sourceColumn);
        if (!source) {
            add(MappingAdvice::Severity::Error, &mapping, mapping.targetColumn,
                QCoreApplication::translate("SyncBridge::Mapping", "%1 is not a column of %2.").arg(mapping.sourceColumn, table.qualifiedName())
                    + didYouMean(closestName(mapping.sourceColumn, sourceNames)));
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
            const QString provisioned = provisionedNames.value(mapping.sourceColumn);
            if (!provisioned.isEmpty() && provisioned != mapping.targetColumn && byName.contains(provisioned))
                add(MappingAdvice::Severity::Error, &mapping, mapping.targetColumn,
                    QCoreApplication::translate("SyncBridge::Mapping",
                        "The list has no column %3: provisioning creates the column for %1 as %2 (SharePoint's internal names are unique "
                        "whatever their case, and some, such as Title, are its own): map to %2.")
                        .arg(mapping.sourceColumn, provisioned, mapping.targetColumn));
            else
                add(MappingAdvice::Severity::Error, &mapping, mapping.targetColumn,
                    QCoreApplication::translate("SyncBridge::Mapping", "The list has no column %1: provision it from the Catalog, or map to another column.")
                            .arg(mapping.targetColumn)
                        + didYouMean(closestName(mapping.targetColumn, targetNames)));
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
        // Ids written into a column that is not of their kind would read as numbers (or fail every row).
        if (mapping.kind == FieldKind::Lookup && target.type != QLatin1String("lookup")) {
            add(MappingAdvice::Severity::Error, &mapping, target.name,
                QCoreApplication::translate(
                    "SyncBridge::Mapping", "%1 is a lookup mapping, but %2 is not a lookup column: map it to one, or make it a value.")
                    .arg(source->name, target.name));
            continue;
        }
        if (mapping.kind == FieldKind::Person && target.type != QLatin1String("personOrGroup")) {
            add(MappingAdvice::Severity::Error, &mapping, target.name,
                QCoreApplication::translate(
                    "SyncBridge::Mapping", "%1 is a person mapping, but %2 is not a person column: map it to one, or make it a value.")
                    .arg(source->name, target.name));
            continue;
        }
        if (!mapping.descriptionColumn.isEmpty() && !table.column(mapping.descriptionColumn))
            add(MappingAdvice::Severity::Error, &mapping, target.name,
                QCoreApplication::translate("SyncBridge::Mapping", "The description column %1 is not a column of %2.")
                        .arg(mapping.descriptionColumn, table.qualifiedName())
                    + didYouMean(closestName(mapping.descriptionColumn, sourceNames)));
        if (!mapping.descriptionColumn.isEmpty() && !target.type.isEmpty() && target.type != QLatin1String("hyperlinkOrPicture"))
            add(MappingAdvice::Severity::Error, &mapping, target.name,
                QCoreApplication::translate("SyncBridge::Mapping",
                    "%1 is not a hyperlink column, so it has no description: remove the description column of its mapping.")
                    .arg(target.name));
        if (mapping.addsChoices && !target.type.isEmpty() && target.type != QLatin1String("choice"))
            add(MappingAdvice::Severity::Error, &mapping, target.name,
                QCoreApplication::translate("SyncBridge::Mapping",
                    "%1 is not a choice column, so it has no choices to add to: turn off adding new choices in its mapping.")
                    .arg(target.name));
        if (mapping.richText && mapping.pushes() && target.type == QLatin1String("text") && !target.richText)
            add(MappingAdvice::Severity::Warning, &mapping, target.name,
                QCoreApplication::translate("SyncBridge::Mapping",
                    "%1 holds HTML, but %2 is plain text: SharePoint shows the tags as text. Make it a column of rich text.")
                    .arg(source->name, target.name));
        if (!mapping.transform.isEmpty()) {
            if (const auto parsed = parseTransform(mapping.transform); !parsed)
                add(MappingAdvice::Severity::Error, &mapping, target.name, parsed.error().message());
        }
        if (const auto problem = incompatibility(*source, target, mapping.transform); problem && mapping.pushes()) {
            add(problem->severity, &mapping, target.name, problem->message.arg(source->name, source->dataType, target.name));
            if (problem->severity == MappingAdvice::Severity::Error)
                continue; // every value fails: how long it may be does not matter
        }
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
