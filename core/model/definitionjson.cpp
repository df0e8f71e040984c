#include "model/definitionjson.h"

#include "schedule/cronexpression.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimeZone>

namespace SyncBridge {

const QString definitionsFormat = QStringLiteral("syncbridge.definitions/1");

namespace {

QJsonObject mappingToJson(const FieldMapping &mapping)
{
    QJsonObject json{
        {QStringLiteral("source"), mapping.sourceColumn},
        {QStringLiteral("target"), mapping.targetColumn},
        {QStringLiteral("direction"), enumName(mapping.direction)},
    };
    if (mapping.key)
        json.insert(QStringLiteral("key"), true);
    if (mapping.systemField)
        json.insert(QStringLiteral("system"), true);
    if (!mapping.transform.isEmpty())
        json.insert(QStringLiteral("transform"), mapping.transform);
    if (mapping.kind != FieldKind::Value)
        json.insert(QStringLiteral("kind"), enumName(mapping.kind));
    if (!mapping.referencedDefinition.isEmpty())
        json.insert(QStringLiteral("references"), mapping.referencedDefinition);
    if (!mapping.descriptionColumn.isEmpty())
        json.insert(QStringLiteral("descriptionFrom"), mapping.descriptionColumn);
    if (mapping.richText)
        json.insert(QStringLiteral("richText"), true);
    if (mapping.addsChoices)
        json.insert(QStringLiteral("addChoices"), true);
    return json;
}

// Reads one JSON object while recording every problem with its path; it never stops at the first.
class Reader
{
    Q_DECLARE_TR_FUNCTIONS(SyncBridge::DefinitionReader)

public:
    explicit Reader(QList<ValidationIssue> &issues) : m_issues(issues) {}

    void fail(const QString &path, const QString &message) { m_issues.append({path, message}); }

    QString string(const QJsonObject &object, const QString &path, const char *key, bool required)
    {
        const QString at = path + QLatin1Char('.') + QLatin1String(key);
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(at, tr("is required"));
            return {};
        }
        if (!value.isString()) {
            fail(at, tr("must be a text value"));
            return {};
        }
        if (required && value.toString().trimmed().isEmpty())
            fail(at, tr("must not be empty"));
        return value.toString();
    }

    bool boolean(const QJsonObject &object, const QString &path, const char *key, bool fallback)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return fallback;
        if (!value.isBool()) {
            fail(path + QLatin1Char('.') + QLatin1String(key), tr("must be true or false"));
            return fallback;
        }
        return value.toBool();
    }

    template<typename E>
    E enumeration(const QJsonObject &object, const QString &path, const char *key, E fallback)
    {
        const QString at = path + QLatin1Char('.') + QLatin1String(key);
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return fallback;
        const std::optional<E> parsed = value.isString() ? fromString<E>(value.toString()) : std::nullopt;
        if (!parsed) {
            fail(at, tr("'%1' is not one of %2")
                         .arg(value.isString() ? value.toString() : QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)),
                              allNames<E>().join(QStringLiteral(", "))));
            return fallback;
        }
        return *parsed;
    }

    QJsonObject object(const QJsonObject &parent, const QString &path, const char *key, bool required)
    {
        const QJsonValue value = parent.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(path + QLatin1Char('.') + QLatin1String(key), tr("is required"));
            return {};
        }
        if (!value.isObject()) {
            fail(path + QLatin1Char('.') + QLatin1String(key), tr("must be an object"));
            return {};
        }
        return value.toObject();
    }

    QJsonArray array(const QJsonObject &parent, const QString &path, const char *key)
    {
        const QJsonValue value = parent.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isArray()) {
            fail(path + QLatin1Char('.') + QLatin1String(key), tr("must be a list"));
            return {};
        }
        return value.toArray();
    }

    QStringList strings(const QJsonObject &parent, const QString &path, const char *key)
    {
        QStringList result;
        const QJsonArray items = array(parent, path, key);
        for (int i = 0; i < items.size(); ++i) {
            if (!items.at(i).isString() || items.at(i).toString().isEmpty())
                fail(QStringLiteral("%1.%2[%3]").arg(path, QLatin1String(key)).arg(i), tr("must be a non-empty text value"));
            else
                result << items.at(i).toString();
        }
        return result;
    }

    SyncDefinition definition(const QJsonObject &json, const QString &path);

private:
    void readSource(SyncDefinition &definition, const QJsonObject &json, const QString &path);
    void readTargets(SyncDefinition &definition, const QJsonObject &json, const QString &path);
    void readSharding(SyncDefinition &definition, const QJsonObject &json, const QString &path);
    void readMappings(SyncDefinition &definition, const QJsonObject &json, const QString &path);

    QList<ValidationIssue> &m_issues;
};

SyncDefinition Reader::definition(const QJsonObject &json, const QString &path)
{
    SyncDefinition definition;
    definition.name = string(json, path, "name", true);
    definition.description = string(json, path, "description", false);
    definition.enabled = boolean(json, path, "enabled", true);
    definition.mode = enumeration(json, path, "mode", SyncMode::Push);
    definition.conflictPolicy = enumeration(json, path, "conflictPolicy", ConflictPolicy::SourceWins);
    definition.targetStrategy = enumeration(json, path, "targetStrategy", TargetStrategy::Single);
    readSource(definition, json, path);

    const QString keyPath = path + QStringLiteral(".key");
    const QJsonObject key = object(json, path, "key", false);
    definition.keyStrategy = enumeration(key, keyPath, "strategy", KeyStrategy::PrimaryKey);
    definition.keyColumns = strings(key, keyPath, "columns");
    if (definition.keyStrategy != KeyStrategy::PrimaryKey && definition.keyColumns.isEmpty())
        fail(keyPath + QStringLiteral(".columns"), tr("must name at least one column for key strategy %1").arg(enumName(definition.keyStrategy)));

    const QString cursorPath = path + QStringLiteral(".cursor");
    const QJsonObject cursor = object(json, path, "cursor", false);
    definition.cursorStrategy = enumeration(cursor, cursorPath, "strategy", CursorStrategy::UpdatedAt);
    definition.cursorColumn = string(cursor, cursorPath, "column", definition.cursorStrategy == CursorStrategy::UpdatedAt);

    const QString deletesPath = path + QStringLiteral(".deletes");
    const QJsonObject deletes = object(json, path, "deletes", false);
    definition.deletePolicy = enumeration(deletes, deletesPath, "policy", DeletePolicy::Leave);
    const QJsonValue share = deletes.value(QStringLiteral("maxShare"));
    if (!share.isUndefined()) {
        if (!share.isDouble() || share.toDouble() < 0 || share.toDouble() > 1)
            fail(deletesPath + QStringLiteral(".maxShare"), tr("must be a number between 0 and 1"));
        else
            definition.maxDeleteShare = share.toDouble();
    }

    const QString schedulePath = path + QStringLiteral(".schedule");
    const QJsonObject schedule = object(json, path, "schedule", false);
    definition.scheduleCron = string(schedule, schedulePath, "cron", false);
    definition.scheduleTimeZone = string(schedule, schedulePath, "timeZone", false);
    if (!definition.scheduleTimeZone.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(definition.scheduleTimeZone.toUtf8()))
        fail(schedulePath + QStringLiteral(".timeZone"), tr("'%1' is not a known IANA time zone").arg(definition.scheduleTimeZone));
    if (!definition.scheduleCron.isEmpty()) {
        if (const std::optional<CronSyntaxError> error = cronSyntaxError(definition.scheduleCron))
            fail(schedulePath + QStringLiteral(".cron"), error->message());
    }
    definition.driftCheckCron = string(schedule, schedulePath, "driftCheck", false);
    if (!definition.driftCheckCron.isEmpty()) {
        if (const std::optional<CronSyntaxError> error = cronSyntaxError(definition.driftCheckCron))
            fail(schedulePath + QStringLiteral(".driftCheck"), error->message());
    }
    definition.missedRuns = enumeration(schedule, schedulePath, "missed", MissedRunPolicy::CatchUpOnce);
    definition.schedulePaused = schedule.value(QStringLiteral("paused")).toBool(false);

    readTargets(definition, json, path);
    readSharding(definition, json, path);
    readMappings(definition, json, path);
    return definition;
}

void Reader::readSource(SyncDefinition &definition, const QJsonObject &json, const QString &path)
{
    const QString sourcePath = path + QStringLiteral(".source");
    const QJsonObject source = object(json, path, "source", true);
    if (source.isEmpty())
        return;
    definition.source.databaseName = string(source, sourcePath, "database", true);
    const QString schema = string(source, sourcePath, "schema", false);
    if (!schema.isEmpty())
        definition.source.schema = schema;
    definition.source.table = string(source, sourcePath, "table", true);
}

void Reader::readTargets(SyncDefinition &definition, const QJsonObject &json, const QString &path)
{
    const QJsonArray targets = array(json, path, "targets");
    if (targets.isEmpty())
        fail(path + QStringLiteral(".targets"), tr("must list at least one SharePoint list"));
    QSet<QString> names;
    for (int i = 0; i < targets.size(); ++i) {
        const QString at = QStringLiteral("%1.targets[%2]").arg(path).arg(i);
        if (!targets.at(i).isObject()) {
            fail(at, tr("must be an object"));
            continue;
        }
        const QJsonObject t = targets.at(i).toObject();
        SyncTarget target;
        target.connectionName = string(t, at, "connection", true);
        target.site = string(t, at, "site", true);
        target.listName = string(t, at, "list", true);
        target.listGraphId = string(t, at, "listId", false);
        target.siteTimeZone = string(t, at, "timeZone", false);
        if (!target.siteTimeZone.isEmpty() && !QTimeZone(target.siteTimeZone.toUtf8()).isValid())
            fail(at + QStringLiteral(".timeZone"),
                tr("'%1' is not a time zone (an IANA id such as 'America/Los_Angeles')").arg(target.siteTimeZone));
        target.name = string(t, at, "name", false);
        if (target.name.isEmpty())
            target.name = target.listName;
        if (!target.name.isEmpty() && names.contains(target.name))
            fail(at + QStringLiteral(".name"), tr("'%1' names another target already").arg(target.name));
        names.insert(target.name);
        definition.targets << target;
    }
    if (definition.targetStrategy == TargetStrategy::Single && targets.size() > 1)
        fail(path + QStringLiteral(".targets"), tr("target strategy SINGLE takes exactly one list, not %1").arg(targets.size()));
}

void Reader::readSharding(SyncDefinition &definition, const QJsonObject &json, const QString &path)
{
    const QString shardingPath = path + QStringLiteral(".sharding");
    const QJsonObject sharding = object(json, path, "sharding", false);
    QSet<QString> targetNames;
    for (const SyncTarget &target : definition.targets)
        targetNames.insert(target.name);
    const auto checkTarget = [&](const QString &name, const QString &at) {
        if (!name.isEmpty() && !targetNames.contains(name))
            fail(at, tr("'%1' is not the name of one of this definition's targets").arg(name));
    };

    definition.sharding.defaultTargetName = string(sharding, shardingPath, "default", false);
    checkTarget(definition.sharding.defaultTargetName, shardingPath + QStringLiteral(".default"));
    const QJsonArray rules = array(sharding, shardingPath, "rules");
    for (int i = 0; i < rules.size(); ++i) {
        const QString at = QStringLiteral("%1.rules[%2]").arg(shardingPath).arg(i);
        const QJsonObject r = rules.at(i).toObject();
        ShardingRule rule;
        rule.condition = r.value(QStringLiteral("condition"));
        if (!(rule.condition.isString() && !rule.condition.toString().trimmed().isEmpty()) && !rule.condition.isObject())
            fail(at + QStringLiteral(".condition"), tr("must be a condition text or an expression object"));
        rule.targetName = string(r, at, "target", true);
        checkTarget(rule.targetName, at + QStringLiteral(".target"));
        definition.sharding.rules << rule;
    }
    if (definition.targetStrategy == TargetStrategy::Conditional && rules.isEmpty())
        fail(shardingPath + QStringLiteral(".rules"), tr("target strategy CONDITIONAL needs at least one rule"));
}

void Reader::readMappings(SyncDefinition &definition, const QJsonObject &json, const QString &path)
{
    const QJsonArray mappings = array(json, path, "mappings");
    if (mappings.isEmpty())
        fail(path + QStringLiteral(".mappings"), tr("must map at least one column"));
    QSet<QString> targetColumns;
    for (int i = 0; i < mappings.size(); ++i) {
        const QString at = QStringLiteral("%1.mappings[%2]").arg(path).arg(i);
        if (!mappings.at(i).isObject()) {
            fail(at, tr("must be an object"));
            continue;
        }
        const QJsonObject m = mappings.at(i).toObject();
        FieldMapping mapping;
        mapping.sourceColumn = string(m, at, "source", true);
        mapping.targetColumn = string(m, at, "target", true);
        mapping.direction = enumeration(m, at, "direction", FieldDirection::Bidirectional);
        mapping.key = boolean(m, at, "key", false);
        mapping.systemField = boolean(m, at, "system", false);
        mapping.transform = string(m, at, "transform", false);
        mapping.kind = enumeration(m, at, "kind", FieldKind::Value);
        mapping.referencedDefinition = string(m, at, "references", false);
        mapping.descriptionColumn = string(m, at, "descriptionFrom", false);
        mapping.richText = boolean(m, at, "richText", false);
        mapping.addsChoices = boolean(m, at, "addChoices", false);
        if (mapping.kind != FieldKind::Value && mapping.addsChoices)
            fail(at + QStringLiteral(".addChoices"), tr("only a VALUE mapping into a choice column adds choices"));
        if (mapping.kind != FieldKind::Value && mapping.richText)
            fail(at + QStringLiteral(".richText"), tr("only a VALUE mapping holds rich text"));
        if (mapping.kind != FieldKind::Value && !mapping.descriptionColumn.isEmpty())
            fail(at + QStringLiteral(".descriptionFrom"), tr("only a VALUE mapping into a hyperlink column takes a description column"));
        if (mapping.kind == FieldKind::Lookup && mapping.referencedDefinition.trimmed().isEmpty())
            fail(at + QStringLiteral(".references"), tr("a LOOKUP mapping names the definition that syncs the referenced table"));
        if (mapping.kind != FieldKind::Lookup && !mapping.referencedDefinition.isEmpty())
            fail(at + QStringLiteral(".references"), tr("only a LOOKUP mapping references a definition"));
        if (mapping.systemField && mapping.direction != FieldDirection::PullOnly)
            fail(at + QStringLiteral(".direction"), tr("a SharePoint system field can only be PULL_ONLY"));
        if (!mapping.targetColumn.isEmpty() && targetColumns.contains(mapping.targetColumn))
            fail(at + QStringLiteral(".target"), tr("the SharePoint column '%1' is mapped twice").arg(mapping.targetColumn));
        targetColumns.insert(mapping.targetColumn);
        definition.mappings << mapping;
    }
}

} // namespace

QJsonObject definitionToJson(const SyncDefinition &definition)
{
    QJsonArray targets;
    for (const SyncTarget &target : definition.targets) {
        QJsonObject json{
            {QStringLiteral("name"), target.name},
            {QStringLiteral("connection"), target.connectionName},
            {QStringLiteral("site"), target.site},
            {QStringLiteral("list"), target.listName},
        };
        if (!target.listGraphId.isEmpty())
            json.insert(QStringLiteral("listId"), target.listGraphId);
        if (!target.siteTimeZone.isEmpty())
            json.insert(QStringLiteral("timeZone"), target.siteTimeZone);
        targets.append(json);
    }
    QJsonArray rules;
    for (const ShardingRule &rule : definition.sharding.rules)
        rules.append(QJsonObject{{QStringLiteral("condition"), rule.condition}, {QStringLiteral("target"), rule.targetName}});
    QJsonObject sharding{{QStringLiteral("rules"), rules}};
    if (!definition.sharding.defaultTargetName.isEmpty())
        sharding.insert(QStringLiteral("default"), definition.sharding.defaultTargetName);
    QJsonArray mappings;
    for (const FieldMapping &mapping : definition.mappings)
        mappings.append(mappingToJson(mapping));

    QJsonObject cursor{{QStringLiteral("strategy"), enumName(definition.cursorStrategy)}};
    if (!definition.cursorColumn.isEmpty())
        cursor.insert(QStringLiteral("column"), definition.cursorColumn);
    QJsonObject schedule;
    if (!definition.scheduleCron.isEmpty())
        schedule.insert(QStringLiteral("cron"), definition.scheduleCron);
    if (!definition.scheduleTimeZone.isEmpty())
        schedule.insert(QStringLiteral("timeZone"), definition.scheduleTimeZone);
    if (!definition.scheduleCron.isEmpty() || definition.missedRuns != MissedRunPolicy::CatchUpOnce)
        schedule.insert(QStringLiteral("missed"), enumName(definition.missedRuns));
    if (definition.schedulePaused)
        schedule.insert(QStringLiteral("paused"), true);
    if (!definition.driftCheckCron.isEmpty())
        schedule.insert(QStringLiteral("driftCheck"), definition.driftCheckCron);

    return QJsonObject{
        {QStringLiteral("name"), definition.name},
        {QStringLiteral("description"), definition.description},
        {QStringLiteral("enabled"), definition.enabled},
        {QStringLiteral("mode"), enumName(definition.mode)},
        {QStringLiteral("conflictPolicy"), enumName(definition.conflictPolicy)},
        {QStringLiteral("source"), QJsonObject{
             {QStringLiteral("database"), definition.source.databaseName},
             {QStringLiteral("schema"), definition.source.schema},
             {QStringLiteral("table"), definition.source.table}}},
        {QStringLiteral("key"), QJsonObject{
             {QStringLiteral("strategy"), enumName(definition.keyStrategy)},
             {QStringLiteral("columns"), QJsonArray::fromStringList(definition.keyColumns)}}},
        {QStringLiteral("cursor"), cursor},
        {QStringLiteral("deletes"), QJsonObject{
             {QStringLiteral("policy"), enumName(definition.deletePolicy)},
             {QStringLiteral("maxShare"), definition.maxDeleteShare}}},
        {QStringLiteral("schedule"), schedule},
        {QStringLiteral("targetStrategy"), enumName(definition.targetStrategy)},
        {QStringLiteral("targets"), targets},
        {QStringLiteral("sharding"), sharding},
        {QStringLiteral("mappings"), mappings},
    };
}

QByteArray definitionsToDocument(const QList<SyncDefinition> &definitions)
{
    QJsonArray array;
    for (const SyncDefinition &definition : definitions)
        array.append(definitionToJson(definition));
    const QJsonObject root{{QStringLiteral("format"), definitionsFormat}, {QStringLiteral("definitions"), array}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

DefinitionsDocument parseDefinitionsDocument(const QByteArray &bytes)
{
    DefinitionsDocument document;
    Reader reader(document.issues);
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        reader.fail(QStringLiteral("$"), QCoreApplication::translate("SyncBridge::DefinitionReader", "the file is not valid JSON: %1 at byte %2")
                                             .arg(parseError.errorString()).arg(parseError.offset));
        return document;
    }
    if (!json.isObject()) {
        reader.fail(QStringLiteral("$"), QCoreApplication::translate("SyncBridge::DefinitionReader", "must be an object with a \"definitions\" list"));
        return document;
    }
    const QJsonObject root = json.object();
    const QJsonValue format = root.value(QStringLiteral("format"));
    if (!format.isUndefined() && format.toString() != definitionsFormat)
        reader.fail(QStringLiteral("$.format"), QCoreApplication::translate("SyncBridge::DefinitionReader", "'%1' is not a format this version reads (expected %2)")
                                                    .arg(format.toString(), definitionsFormat));
    if (!root.value(QStringLiteral("definitions")).isArray()) {
        reader.fail(QStringLiteral("$.definitions"), QCoreApplication::translate("SyncBridge::DefinitionReader", "must be a list of definitions"));
        return document;
    }
    const QJsonArray definitions = root.value(QStringLiteral("definitions")).toArray();
    QSet<QString> names;
    for (int i = 0; i < definitions.size(); ++i) {
        const QString path = QStringLiteral("$.definitions[%1]").arg(i);
        if (!definitions.at(i).isObject()) {
            reader.fail(path, QCoreApplication::translate("SyncBridge::DefinitionReader", "must be an object"));
            continue;
        }
        SyncDefinition definition = reader.definition(definitions.at(i).toObject(), path);
        if (!definition.name.isEmpty() && names.contains(definition.name))
            reader.fail(path + QStringLiteral(".name"), QCoreApplication::translate("SyncBridge::DefinitionReader", "'%1' is defined twice in this file").arg(definition.name));
        names.insert(definition.name);
        document.definitions << definition;
    }
    return document;
}

} // namespace SyncBridge
