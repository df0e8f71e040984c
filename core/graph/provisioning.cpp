#include "graph/provisioning.h"

#include "graph/discovery.h"
#include "graph/graphclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <cmath>
#include <optional>

namespace SyncBridge {

const QString syncBridgeKeyColumn = QStringLiteral("SyncBridgeKey");
const QString goneFromSourceColumn = QStringLiteral("SyncBridgeGone");

namespace {

QJsonObject textFacet(int maxLength)
{
    return QJsonObject{{QStringLiteral("allowMultipleLines"), false}, {QStringLiteral("maxLength"), maxLength}};
}

QJsonObject multiLineFacet()
{
    return QJsonObject{{QStringLiteral("allowMultipleLines"), true}, {QStringLiteral("linesForEditing"), 6}, {QStringLiteral("textType"), QStringLiteral("plain")}};
}

// The values a column of the type holds, where the type bounds them within a double's exact range:
// numeric(p,s) ±(10^(p−s) − 10^−s), smallint and integer their ranges. bigint, real, double and a
// numeric without precision are left unbounded.
std::optional<std::pair<double, double>> numberBounds(const QString &type, const QString &dataType)
{
    if (type == QLatin1String("int2"))
        return std::make_pair(-32768.0, 32767.0);
    if (type == QLatin1String("int4"))
        return std::make_pair(-2147483648.0, 2147483647.0);
    static const QRegularExpression precision(QStringLiteral("\\((\\d+),(\\d+)\\)"));
    const auto match = precision.match(dataType);
    if (type != QLatin1String("numeric") || !match.hasMatch() || match.captured(1).toInt() > 15)
        return std::nullopt; // beyond 15 digits a double does not hold the bound exactly
    const int scale = match.captured(2).toInt();
    const double largest = (std::pow(10.0, match.captured(1).toInt()) - 1) / std::pow(10.0, scale);
    return std::make_pair(-largest, largest);
}

QString decimalPlaces(const QString &dataType)
{
    // numeric(14,2) → "two"; SharePoint displays up to five decimals, storage is a double.
    static const QRegularExpression scale(QStringLiteral("\\(\\d+,(\\d+)\\)"));
    const auto match = scale.match(dataType);
    if (!match.hasMatch())
        return QStringLiteral("automatic");
    static const QStringList names{QStringLiteral("none"), QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three"),
                                   QStringLiteral("four"), QStringLiteral("five")};
    return names.value(match.captured(1).toInt(), QStringLiteral("automatic"));
}

// Names SharePoint lists already have (contract §4.4); a source column may not take them.
const QStringList reservedNames{
    QStringLiteral("ID"), QStringLiteral("Title"), QStringLiteral("ContentType"), QStringLiteral("Modified"), QStringLiteral("Created"),
    QStringLiteral("Author"), QStringLiteral("Editor"), QStringLiteral("Attachments"), QStringLiteral("Edit"), QStringLiteral("LinkTitle"),
    QStringLiteral("LinkTitleNoMenu"), QStringLiteral("DocIcon"), QStringLiteral("ItemChildCount"), QStringLiteral("FolderChildCount"),
    QStringLiteral("AppAuthor"), QStringLiteral("AppEditor"), QStringLiteral("GUID"), QStringLiteral("FileRef"), QStringLiteral("FileLeafRef"),
    QStringLiteral("SyncBridgeKey")};

} // namespace

QList<ColumnPlan> ListPlan::supportedColumns() const
{
    QList<ColumnPlan> result;
    for (const ColumnPlan &column : columns) {
        if (column.supported)
            result << column;
    }
    return result;
}

QString internalNameFor(const QString &sourceName, const QStringList &taken)
{
    QString name;
    for (const QChar c : sourceName) {
        const bool ascii = c.unicode() < 128;
        name += ascii && (c.isLetterOrNumber() || c == QLatin1Char('_')) ? c : QLatin1Char('_');
    }
    if (name.isEmpty() || name.at(0).isDigit())
        name.prepend(QLatin1Char('_'));
    name = name.left(32);
    QString candidate = name;
    for (int suffix = 2; taken.contains(candidate, Qt::CaseInsensitive) || reservedNames.contains(candidate, Qt::CaseInsensitive); ++suffix) {
        const QString tail = QStringLiteral("_%1").arg(suffix);
        candidate = name.left(32 - tail.size()) + tail;
    }
    return candidate;
}

ColumnPlan planColumn(const ColumnInfo &column)
{
    ColumnPlan plan;
    plan.sourceColumn = column.name;
    const QString type = column.typeName;
    const auto set = [&](const QString &facet, const QJsonObject &settings, const QString &note) {
        plan.sharePointType = facet;
        plan.definition = QJsonObject{{facet, settings}};
        plan.note = note;
    };
    if (column.isEnum) {
        QJsonArray choices;
        for (const QString &label : column.enumLabels)
            choices.append(label);
        set(QStringLiteral("choice"), {{QStringLiteral("choices"), choices}, {QStringLiteral("displayAs"), QStringLiteral("dropDownMenu")},
                                       {QStringLiteral("allowTextEntry"), false}},
            QCoreApplication::translate("SyncBridge::Provisioning", "enum → choice with its labels"));
    } else if (column.isArray && (type == QLatin1String("_text") || type == QLatin1String("_varchar") || type == QLatin1String("_bpchar"))) {
        set(QStringLiteral("choice"), {{QStringLiteral("choices"), QJsonArray{}}, {QStringLiteral("displayAs"), QStringLiteral("checkBoxes")},
                                       {QStringLiteral("allowTextEntry"), true}},
            QCoreApplication::translate("SyncBridge::Provisioning", "text array → multiple choice (fill-in values)"));
    } else if (column.isArray) {
        set(QStringLiteral("text"), multiLineFacet(), QCoreApplication::translate("SyncBridge::Provisioning", "array → multiple lines of text (JSON)"));
    } else if (type == QLatin1String("varchar") || type == QLatin1String("bpchar")) {
        if (column.maxLength > 0 && column.maxLength <= 255)
            set(QStringLiteral("text"), textFacet(column.maxLength), QCoreApplication::translate("SyncBridge::Provisioning", "%1 → single line of text, %2 characters").arg(column.dataType).arg(column.maxLength));
        else
            set(QStringLiteral("text"), multiLineFacet(), QCoreApplication::translate("SyncBridge::Provisioning", "%1 → multiple lines of text (longer than 255)").arg(column.dataType));
    } else if (type == QLatin1String("text") || type == QLatin1String("json") || type == QLatin1String("jsonb") || type == QLatin1String("xml")) {
        set(QStringLiteral("text"), multiLineFacet(), QCoreApplication::translate("SyncBridge::Provisioning", "%1 → multiple lines of text").arg(column.dataType));
    } else if (type == QLatin1String("uuid")) {
        set(QStringLiteral("text"), textFacet(36), QCoreApplication::translate("SyncBridge::Provisioning", "uuid → single line of text, 36 characters"));
    } else if (QStringList{QStringLiteral("int2"), QStringLiteral("int4"), QStringLiteral("int8"), QStringLiteral("numeric"), QStringLiteral("float4"),
                           QStringLiteral("float8")}.contains(type)) {
        QJsonObject facet{{QStringLiteral("decimalPlaces"),
            type.startsWith(QLatin1String("int")) ? QStringLiteral("none") : decimalPlaces(column.dataType)}};
        if (const auto bounds = numberBounds(type, column.dataType)) {
            facet.insert(QStringLiteral("minimum"), bounds->first);
            facet.insert(QStringLiteral("maximum"), bounds->second);
        }
        set(QStringLiteral("number"), facet, QCoreApplication::translate("SyncBridge::Provisioning", "%1 → number").arg(column.dataType));
    } else if (type == QLatin1String("money")) {
        set(QStringLiteral("currency"), {{QStringLiteral("locale"), QStringLiteral("en-us")}}, QCoreApplication::translate("SyncBridge::Provisioning", "money → currency"));
    } else if (type == QLatin1String("bool")) {
        set(QStringLiteral("boolean"), {}, QCoreApplication::translate("SyncBridge::Provisioning", "boolean → yes/no"));
    } else if (type == QLatin1String("date")) {
        set(QStringLiteral("dateTime"), {{QStringLiteral("format"), QStringLiteral("dateOnly")}, {QStringLiteral("displayAs"), QStringLiteral("default")}},
            QCoreApplication::translate("SyncBridge::Provisioning", "date → date only"));
    } else if (type == QLatin1String("timestamp") || type == QLatin1String("timestamptz")) {
        set(QStringLiteral("dateTime"), {{QStringLiteral("format"), QStringLiteral("dateTime")}, {QStringLiteral("displayAs"), QStringLiteral("default")}},
            QCoreApplication::translate("SyncBridge::Provisioning", "%1 → date and time (UTC)").arg(column.dataType));
    } else if (QStringList{QStringLiteral("time"), QStringLiteral("timetz"), QStringLiteral("interval"), QStringLiteral("inet"), QStringLiteral("cidr"),
                           QStringLiteral("macaddr"), QStringLiteral("citext")}.contains(type)) {
        set(QStringLiteral("text"), textFacet(255), QCoreApplication::translate("SyncBridge::Provisioning", "%1 → single line of text").arg(column.dataType));
    } else {
        plan.supported = false;
        plan.note = QCoreApplication::translate("SyncBridge::Provisioning", "%1 has no SharePoint column type").arg(column.dataType);
    }
    return plan;
}

QString leftOutMessage(const ColumnPlan &column)
{
    return QCoreApplication::translate("SyncBridge::Provisioning", "%1: column '%2' is left out.").arg(column.note, column.sourceColumn);
}

ListPlan planList(const TableInfo &table, const QString &listDisplayName)
{
    ListPlan plan;
    plan.displayName = listDisplayName;
    QStringList taken;
    for (const ColumnInfo &column : table.columns) {
        ColumnPlan columnPlan = planColumn(column);
        columnPlan.internalName = internalNameFor(column.name, taken);
        taken << columnPlan.internalName;
        if (columnPlan.supported) {
            columnPlan.definition.insert(QStringLiteral("name"), columnPlan.internalName);
            columnPlan.definition.insert(QStringLiteral("displayName"), column.name);
        }
        plan.columns << columnPlan;
    }
    ColumnPlan key;
    key.sourceColumn = QString();
    key.internalName = syncBridgeKeyColumn;
    key.sharePointType = QStringLiteral("text");
    key.definition = QJsonObject{{QStringLiteral("name"), syncBridgeKeyColumn}, {QStringLiteral("displayName"), syncBridgeKeyColumn},
                                 {QStringLiteral("hidden"), true}, {QStringLiteral("indexed"), true}, {QStringLiteral("text"), textFacet(64)}};
    key.note = QCoreApplication::translate("SyncBridge::Provisioning", "hidden, indexed source identity hash: makes creates idempotent");
    plan.columns << key;
    return plan;
}

QList<SharePointColumn> columnsAfterProvisioning(const ListPlan &plan)
{
    const auto builtIn = [](const QString &name, const QString &type, bool system) {
        SharePointColumn column;
        column.name = name;
        column.displayName = name;
        column.type = type;
        column.system = system;
        column.readOnly = system;
        return column;
    };
    SharePointColumn title = builtIn(QStringLiteral("Title"), QStringLiteral("text"), false);
    title.required = true;
    title.maxLength = 255;
    QList<SharePointColumn> columns = {title, builtIn(QStringLiteral("ID"), QStringLiteral("number"), true),
                                       builtIn(QStringLiteral("Created"), QStringLiteral("dateTime"), true),
                                       builtIn(QStringLiteral("Modified"), QStringLiteral("dateTime"), true)};
    for (const ColumnPlan &planned : plan.columns) {
        if (!planned.supported || planned.internalName == syncBridgeKeyColumn)
            continue;
        SharePointColumn column;
        column.name = planned.internalName;
        column.displayName = planned.definition.value(QStringLiteral("displayName")).toString(planned.internalName);
        column.type = planned.sharePointType;
        const QJsonObject text = planned.definition.value(QStringLiteral("text")).toObject();
        column.maxLength = text.value(QStringLiteral("maxLength")).toInt(-1);
        // As discovery reads it back: a multiple-choice column is a choice shown as check boxes.
        column.multiValue = planned.definition.value(QStringLiteral("choice")).toObject().value(QStringLiteral("displayAs")).toString()
                == QLatin1String("checkBoxes")
            || planned.definition.value(QStringLiteral("lookup")).toObject().value(QStringLiteral("allowMultipleValues")).toBool()
            || planned.definition.value(QStringLiteral("personOrGroup"))
                   .toObject()
                   .value(QStringLiteral("allowMultipleSelection"))
                   .toBool();
        columns << column;
    }
    return columns;
}

void provisionList(GraphClient &client, const QString &siteId, const ListPlan &plan, std::function<void(Result<ProvisioningReport>)> done)
{
    const QString site = QString::fromLatin1(QUrl::toPercentEncoding(siteId, ","));
    auto report = std::make_shared<ProvisioningReport>();
    for (const ColumnPlan &column : plan.columns) {
        if (!column.supported)
            report->unsupported << column;
    }
    GraphRequest lookup;
    lookup.url = QStringLiteral("/sites/%1/lists/%2").arg(site, QString::fromLatin1(QUrl::toPercentEncoding(plan.displayName)));
    client.send(lookup, [&client, site, siteId, plan, report, done](GraphResponse found) {
        if (found.status == 404) {   // a new list with every supported column in one request
            QJsonArray columns;
            for (const ColumnPlan &column : plan.supportedColumns()) {
                columns.append(column.definition);
                report->addedColumns << column.internalName;
            }
            GraphRequest create;
            create.method = "POST";
            create.url = QStringLiteral("/sites/%1/lists").arg(site);
            create.cost = 2;
            create.idempotent = false;
            create.body = QJsonObject{{QStringLiteral("displayName"), plan.displayName}, {QStringLiteral("columns"), columns},
                                      {QStringLiteral("list"), QJsonObject{{QStringLiteral("template"), QStringLiteral("genericList")}}}};
            client.send(create, [report, done, plan](GraphResponse created) {
                if (created.status != 201) {
                    done(describeGraphFailure(created, QCoreApplication::translate("SyncBridge::Provisioning", "Creating the list '%1'").arg(plan.displayName)));
                    return;
                }
                report->listId = created.body.value(QStringLiteral("id")).toString();
                report->listCreated = true;
                done(*report);
            });
            return;
        }
        if (!found.ok()) {
            done(describeGraphFailure(found, QCoreApplication::translate("SyncBridge::Provisioning", "The list '%1'").arg(plan.displayName)));
            return;
        }
        report->listId = found.body.value(QStringLiteral("id")).toString();
        Discovery::columns(client, siteId, report->listId, [&client, site, plan, report, done](Result<QList<SharePointColumn>> existing) {
            if (!existing) {
                done(existing.error());
                return;
            }
            QSet<QString> present;
            for (const SharePointColumn &column : std::as_const(*existing))
                present.insert(column.name.toLower());
            auto missing = std::make_shared<QList<ColumnPlan>>();
            for (const ColumnPlan &column : plan.supportedColumns()) {
                if (present.contains(column.internalName.toLower()))
                    report->existingColumns << column.internalName;
                else
                    missing->append(column);
            }
            auto addNext = std::make_shared<std::function<void()>>();
            *addNext = [&client, site, report, done, missing, addNext]() {
                if (missing->isEmpty()) {
                    done(*report);
                    *addNext = nullptr;
                    return;
                }
                const ColumnPlan column = missing->takeFirst();
                GraphRequest add;
                add.method = "POST";
                add.url = QStringLiteral("/sites/%1/lists/%2/columns").arg(site, report->listId);
                add.cost = 2;
                add.idempotent = false;
                add.body = column.definition;
                client.send(add, [report, done, addNext, column](GraphResponse added) {
                    if (added.status != 201 && added.status != 409) {
                        done(describeGraphFailure(added, QCoreApplication::translate("SyncBridge::Provisioning", "Adding the column '%1'").arg(column.internalName)));
                        *addNext = nullptr;
                        return;
                    }
                    (added.status == 201 ? report->addedColumns : report->existingColumns) << column.internalName;
                    (*addNext)();
                });
            };
            (*addNext)();
        });
    });
}

} // namespace SyncBridge
