#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace SyncBridge {

// What introspection learns about a PostgreSQL table.

struct ColumnInfo {
    int ordinal = 0;
    QString name;
    QString dataType;       // format_type(): "numeric(14,2)", "text[]", "timestamp with time zone"
    QString typeName;       // pg_type.typname: "numeric", "_text", "project_status"
    bool isArray = false;
    bool isEnum = false;
    QStringList enumLabels;
    bool nullable = true;
    bool identity = false;
    bool generated = false;
    QString defaultExpression;
    int maxLength = -1;     // varchar(n)/char(n); -1 when unbounded

    // Integers, numeric, floats and money: what becomes a number in SharePoint.
    bool holdsNumbers() const;
};

struct ConstraintInfo {
    enum class Kind { PrimaryKey, Unique };
    QString name;
    Kind kind = Kind::PrimaryKey;
    QStringList columns;
};

struct IndexInfo {
    QString name;
    QStringList columns;    // expression parts are left out; see definition
    bool unique = false;
    bool primary = false;
    QString definition;
};

struct TableInfo {
    QString schema;
    QString name;
    qint64 rowEstimate = -1;    // -1: never analysed
    QList<ColumnInfo> columns;
    QList<ConstraintInfo> constraints;
    QList<IndexInfo> indexes;

    QString qualifiedName() const { return schema + QLatin1Char('.') + name; }
    QStringList primaryKey() const;
    const ColumnInfo *column(const QString &columnName) const;
    // True when some index starts with this column, so keyset paging on it is cheap.
    bool hasIndexLeadingWith(const QString &columnName) const;

    QJsonObject toJson() const;
    static TableInfo fromJson(const QJsonObject &json);
};

struct SchemaSnapshot {
    qint64 id = 0;
    qint64 databaseId = 0;
    QDateTime takenAt;
    QString contentHash;    // SHA-256 of the canonical JSON; equal hashes mean no schema drift
    QList<TableInfo> tables;
};

// SHA-256 (hex) over the canonical JSON of the tables, independent of row estimates.
QString schemaHash(const QList<TableInfo> &tables);

} // namespace SyncBridge
