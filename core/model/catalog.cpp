#include "model/catalog.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace SyncBridge {
namespace {

QJsonArray toArray(const QStringList &strings)
{
    return QJsonArray::fromStringList(strings);
}

QStringList toStrings(const QJsonValue &value)
{
    QStringList strings;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        strings << item.toString();
    return strings;
}

QJsonObject columnToJson(const ColumnInfo &column)
{
    return QJsonObject{
        {QStringLiteral("ordinal"), column.ordinal},
        {QStringLiteral("name"), column.name},
        {QStringLiteral("dataType"), column.dataType},
        {QStringLiteral("typeName"), column.typeName},
        {QStringLiteral("isArray"), column.isArray},
        {QStringLiteral("isEnum"), column.isEnum},
        {QStringLiteral("enumLabels"), toArray(column.enumLabels)},
        {QStringLiteral("nullable"), column.nullable},
        {QStringLiteral("identity"), column.identity},
        {QStringLiteral("generated"), column.generated},
        {QStringLiteral("default"), column.defaultExpression},
        {QStringLiteral("maxLength"), column.maxLength},
    };
}

ColumnInfo columnFromJson(const QJsonObject &json)
{
    ColumnInfo column;
    column.ordinal = json.value(QStringLiteral("ordinal")).toInt();
    column.name = json.value(QStringLiteral("name")).toString();
    column.dataType = json.value(QStringLiteral("dataType")).toString();
    column.typeName = json.value(QStringLiteral("typeName")).toString();
    column.isArray = json.value(QStringLiteral("isArray")).toBool();
    column.isEnum = json.value(QStringLiteral("isEnum")).toBool();
    column.enumLabels = toStrings(json.value(QStringLiteral("enumLabels")));
    column.nullable = json.value(QStringLiteral("nullable")).toBool(true);
    column.identity = json.value(QStringLiteral("identity")).toBool();
    column.generated = json.value(QStringLiteral("generated")).toBool();
    column.defaultExpression = json.value(QStringLiteral("default")).toString();
    column.maxLength = json.value(QStringLiteral("maxLength")).toInt(-1);
    return column;
}

} // namespace

bool ColumnInfo::holdsNumbers() const
{
    static const QStringList numeric{QStringLiteral("int2"), QStringLiteral("int4"), QStringLiteral("int8"), QStringLiteral("numeric"),
                                     QStringLiteral("float4"), QStringLiteral("float8"), QStringLiteral("money")};
    return !isArray && numeric.contains(typeName);
}

QStringList TableInfo::primaryKey() const
{
    for (const ConstraintInfo &constraint : constraints) {
        if (constraint.kind == ConstraintInfo::Kind::PrimaryKey)
            return constraint.columns;
    }
    return {};
}

const ColumnInfo *TableInfo::column(const QString &columnName) const
{
    for (const ColumnInfo &candidate : columns) {
        if (candidate.name == columnName)
            return &candidate;
    }
    return nullptr;
}

bool TableInfo::hasIndexLeadingWith(const QString &columnName) const
{
    for (const IndexInfo &index : indexes) {
        if (!index.columns.isEmpty() && index.columns.first() == columnName)
            return true;
    }
    return false;
}

QJsonObject TableInfo::toJson() const
{
    QJsonArray columnArray;
    for (const ColumnInfo &c : columns)
        columnArray.append(columnToJson(c));
    QJsonArray constraintArray;
    for (const ConstraintInfo &c : constraints) {
        constraintArray.append(QJsonObject{
            {QStringLiteral("name"), c.name},
            {QStringLiteral("kind"), c.kind == ConstraintInfo::Kind::PrimaryKey ? QStringLiteral("PRIMARY_KEY")
                                                                                : QStringLiteral("UNIQUE")},
            {QStringLiteral("columns"), toArray(c.columns)},
        });
    }
    QJsonArray indexArray;
    for (const IndexInfo &i : indexes) {
        indexArray.append(QJsonObject{
            {QStringLiteral("name"), i.name},
            {QStringLiteral("columns"), toArray(i.columns)},
            {QStringLiteral("unique"), i.unique},
            {QStringLiteral("primary"), i.primary},
            {QStringLiteral("definition"), i.definition},
        });
    }
    return QJsonObject{
        {QStringLiteral("schema"), schema},
        {QStringLiteral("name"), name},
        {QStringLiteral("rowEstimate"), double(rowEstimate)},
        {QStringLiteral("columns"), columnArray},
        {QStringLiteral("constraints"), constraintArray},
        {QStringLiteral("indexes"), indexArray},
    };
}

TableInfo TableInfo::fromJson(const QJsonObject &json)
{
    TableInfo table;
    table.schema = json.value(QStringLiteral("schema")).toString();
    table.name = json.value(QStringLiteral("name")).toString();
    table.rowEstimate = qint64(json.value(QStringLiteral("rowEstimate")).toDouble(-1));
    const QJsonArray columnArray = json.value(QStringLiteral("columns")).toArray();
    for (const QJsonValue &c : columnArray)
        table.columns << columnFromJson(c.toObject());
    const QJsonArray constraintArray = json.value(QStringLiteral("constraints")).toArray();
    for (const QJsonValue &value : constraintArray) {
        const QJsonObject c = value.toObject();
        ConstraintInfo constraint;
        constraint.name = c.value(QStringLiteral("name")).toString();
        constraint.kind = c.value(QStringLiteral("kind")).toString() == QLatin1String("UNIQUE")
            ? ConstraintInfo::Kind::Unique : ConstraintInfo::Kind::PrimaryKey;
        constraint.columns = toStrings(c.value(QStringLiteral("columns")));
        table.constraints << constraint;
    }
    const QJsonArray indexArray = json.value(QStringLiteral("indexes")).toArray();
    for (const QJsonValue &value : indexArray) {
        const QJsonObject i = value.toObject();
        IndexInfo index;
        index.name = i.value(QStringLiteral("name")).toString();
        index.columns = toStrings(i.value(QStringLiteral("columns")));
        index.unique = i.value(QStringLiteral("unique")).toBool();
        index.primary = i.value(QStringLiteral("primary")).toBool();
        index.definition = i.value(QStringLiteral("definition")).toString();
        table.indexes << index;
    }
    return table;
}

QString schemaHash(const QList<TableInfo> &tables)
{
    QJsonArray array;
    for (const TableInfo &table : tables) {
        QJsonObject json = table.toJson();
        json.remove(QStringLiteral("rowEstimate"));   // row counts change without the schema changing
        array.append(json);
    }
    const QByteArray canonical = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

} // namespace SyncBridge
