#include "sync/routepreview.h"

#include "source/quotedidentifier.h"
#include "source/tablereads.h"
#include "sync/definitionexpressions.h"

#include <QCoreApplication>

namespace SyncBridge {
namespace {

enum class ValueKind { Number, Boolean, Date, Timestamp, Text };

ValueKind kindOf(const ColumnInfo &column)
{
    if (column.holdsNumbers())
        return ValueKind::Number;
    if (column.typeName == QLatin1String("bool"))
        return ValueKind::Boolean;
    if (column.typeName == QLatin1String("date"))
        return ValueKind::Date;
    if (column.typeName == QLatin1String("timestamp") || column.typeName == QLatin1String("timestamptz"))
        return ValueKind::Timestamp;
    return ValueKind::Text;   // text, varchar, enums, uuid, json: compared as their text, as the engine does
}

class Compiler
{
public:
    Compiler(const QHash<QString, ColumnInfo> &columns, int firstParameter)
        : m_columns(columns)
        , m_next(firstParameter)
    {
    }

    Result<QString> compile(const Condition &condition)
    {
        switch (condition.kind) {
        case Condition::Kind::And:
        case Condition::Kind::Or: {
            QStringList parts;
            for (const Condition &child : condition.children) {
                auto part = compile(child);
                if (!part)
                    return part;
                parts << *part;
            }
            return QStringLiteral("(%1)").arg(parts.join(condition.kind == Condition::Kind::And ? QStringLiteral(" AND ") : QStringLiteral(" OR ")));
        }
        case Condition::Kind::Not: {
            auto inner = compile(condition.children.front());
            if (!inner)
                return inner;
            return QStringLiteral("(NOT %1)").arg(*inner);
        }
        default:
            break;
        }
        const auto column = m_columns.constFind(condition.column);
        if (column == m_columns.constEnd())
            return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::Routing", "'%1' is not a column of the source table.").arg(condition.column));
        const QString name = quotedIdentifier(condition.column);
        if (condition.kind == Condition::Kind::IsNull)
            return QStringLiteral("(%1 IS NULL)").arg(name);
        auto leaf = compileLeaf(condition, *column, name);
        if (!leaf)
            return leaf;
        return QStringLiteral("coalesce(%1, false)").arg(*leaf);   // NULL is "does not match", as in evaluate()
    }

    QStringList parameters() const { return m_parameters; }

private:
    Result<QString> compileLeaf(const Condition &condition, const ColumnInfo &column, const QString &name)
    {
        if (condition.kind == Condition::Kind::Contains && column.isArray) {
            if (!condition.value.isString())
                return mismatch(column, condition.value);
            return QStringLiteral("(%1 = ANY(%2::text[]))").arg(bind(condition.value.toString()), name);
        }
        if (column.isArray)
            return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::Routing", "'%1' is a list of values: use 'contains'.").arg(column.name));
        if (condition.kind == Condition::Kind::Contains || condition.kind == Condition::Kind::StartsWith) {
            if (!condition.value.isString() || kindOf(column) != ValueKind::Text)
                return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::Routing", "'contains' and 'starts with' need a text column and a quoted text; '%1' is not.").arg(column.name));
            const QString value = bind(condition.value.toString());
            return condition.kind == Condition::Kind::Contains ? QStringLiteral("(strpos(%1::text, %2) > 0)").arg(name, value)
                                                               : QStringLiteral("(left(%1::text, char_length(%2)) = %2)").arg(name, value);
        }
        if (condition.kind == Condition::Kind::In) {
            QStringList values;
            for (const QJsonValue &candidate : condition.values) {
                auto value = typedValue(column, candidate);
                if (!value)
                    return value;
                values << *value;
            }
            return QStringLiteral("(%1 IN (%2))").arg(columnExpression(column, name), values.join(QStringLiteral(", ")));
        }
        if (condition.value.isNull())   // evaluate(): "== null" never matches, "!= null" matches any value
            return condition.op == QLatin1String("!=") ? QStringLiteral("(%1 IS NOT NULL)").arg(name) : QStringLiteral("false");
        auto value = typedValue(column, condition.value);
        if (!value)
            return value;
        const QString op = condition.op == QLatin1String("==") ? QStringLiteral("=") : condition.op == QLatin1String("!=") ? QStringLiteral("<>") : condition.op;
        return QStringLiteral("(%1 %2 %3)").arg(columnExpression(column, name), op, *value);
    }

    // Text compares in code-point order, as QString does in the engine.
    static QString columnExpression(const ColumnInfo &column, const QString &name)
    {
        return kindOf(column) == ValueKind::Text ? QStringLiteral("(%1::text COLLATE \"C\")").arg(name) : name;
    }

    Result<QString> typedValue(const ColumnInfo &column, const QJsonValue &value)
    {
        switch (kindOf(column)) {
        case ValueKind::Number:
            if (!value.isDouble())
                return mismatch(column, value);
            return bind(QString::number(value.toDouble(), 'g', 17)) + QStringLiteral("::numeric");
        case ValueKind::Boolean:
            if (!value.isBool())
                return mismatch(column, value);
            return bind(value.toBool() ? QStringLiteral("true") : QStringLiteral("false")) + QStringLiteral("::boolean");
        case ValueKind::Date:
        case ValueKind::Timestamp:
            if (!value.isString())
                return mismatch(column, value);
            return bind(value.toString()) + (kindOf(column) == ValueKind::Date ? QStringLiteral("::date") : QStringLiteral("::timestamptz"));
        case ValueKind::Text:
            if (!value.isString())
                return mismatch(column, value);
            return bind(value.toString());
        }
        return mismatch(column, value);
    }

    Error mismatch(const ColumnInfo &column, const QJsonValue &value) const
    {
        QString advice;
        switch (kindOf(column)) {
        case ValueKind::Number: advice = QCoreApplication::translate("SyncBridge::Routing", "'%1' holds numbers: write the value without quotes, e.g. %1 >= 1000."); break;
        case ValueKind::Boolean: advice = QCoreApplication::translate("SyncBridge::Routing", "'%1' holds yes/no values: compare it with true or false."); break;
        case ValueKind::Date: advice = QCoreApplication::translate("SyncBridge::Routing", "'%1' holds dates: write the date in quotes, e.g. %1 >= '2024-01-31'."); break;
        case ValueKind::Timestamp: advice = QCoreApplication::translate("SyncBridge::Routing", "'%1' holds points in time: write them in quotes, e.g. %1 >= '2024-01-31T08:00:00Z'."); break;
        case ValueKind::Text: advice = QCoreApplication::translate("SyncBridge::Routing", "'%1' holds text: put the value in quotes, e.g. %1 == 'Active'."); break;
        }
        Q_UNUSED(value)
        return Error(ErrorCode::InvalidInput, advice.arg(column.name));
    }

    QString bind(const QString &value)
    {
        m_parameters << value;
        return QStringLiteral("$%1").arg(m_next++);
    }

    const QHash<QString, ColumnInfo> &m_columns;
    int m_next;
    QStringList m_parameters;
};

QHash<QString, ColumnInfo> columnsOf(const TableInfo &table)
{
    QHash<QString, ColumnInfo> columns;
    for (const ColumnInfo &column : table.columns)
        columns.insert(column.name, column);
    return columns;
}

} // namespace

Result<CompiledCondition> compileCondition(const Condition &condition, const QHash<QString, ColumnInfo> &columns, int firstParameter)
{
    Compiler compiler(columns, firstParameter);
    auto sql = compiler.compile(condition);
    if (!sql)
        return sql.error();
    return CompiledCondition{*sql, compiler.parameters()};
}

Result<CompiledCondition> routeCountSql(const SyncDefinition &definition, const TableInfo &table)
{
    const QHash<QString, ColumnInfo> columns = columnsOf(table);
    CompiledCondition statement;
    QStringList counts = {QStringLiteral("count(*)")};
    QStringList earlier;   // the rules before this one did not match
    if (definition.targetStrategy == TargetStrategy::Conditional) {
        for (int i = 0; i < definition.sharding.rules.size(); ++i) {
            auto condition = ruleCondition(i, definition.sharding.rules.at(i));
            if (!condition)
                return condition.error();
            auto compiled = compileCondition(*condition, columns, int(statement.parameters.size()) + 1);
            if (!compiled)
                return ruleError(i, definition.sharding.rules.at(i), compiled.error());
            statement.parameters << compiled->parameters;
            QStringList filter = earlier;
            filter << compiled->sql;
            counts << QStringLiteral("count(*) FILTER (WHERE %1)").arg(filter.join(QStringLiteral(" AND ")));
            earlier << QStringLiteral("NOT %1").arg(compiled->sql);
        }
    }
    statement.sql = QStringLiteral("SELECT %1 FROM %2.%3").arg(counts.join(QStringLiteral(", ")), quotedIdentifier(table.schema), quotedIdentifier(table.name));
    return statement;
}

namespace {

Result<RoutePreview> previewFrom(const Result<QList<qint64>> &counts, const SyncDefinition &definition)
{
    if (!counts)
        return counts.error();
    RoutePreview preview;
    preview.totalRows = counts->value(0);
    preview.defaultTarget = definition.targetStrategy == TargetStrategy::Single ? definition.targets.value(0).name : definition.sharding.defaultTargetName;
    qint64 routed = 0;
    for (int i = 0; i < definition.sharding.rules.size() && definition.targetStrategy == TargetStrategy::Conditional; ++i) {
        const qint64 rows = counts->value(i + 1);
        preview.rowsPerRule << rows;
        preview.rowsPerTarget[definition.sharding.rules.at(i).targetName] += rows;
        routed += rows;
    }
    preview.unmatchedRows = preview.totalRows - routed;
    if (!preview.defaultTarget.isEmpty())
        preview.rowsPerTarget[preview.defaultTarget] += preview.unmatchedRows;
    return preview;
}

QString countingWhat(const TableInfo &table)
{
    return QCoreApplication::translate("SyncBridge::Routing", "counting the rows per list of %1").arg(table.qualifiedName());
}

} // namespace

Result<RoutePreview> countRoutes(PgSession &session, const SyncDefinition &definition, const TableInfo &table)
{
    auto statement = routeCountSql(definition, table);
    if (!statement)
        return statement.error();
    return previewFrom(readCounts(session, {statement->sql, statement->parameters}, countingWhat(table)), definition);
}

Result<RoutePreview> countRoutes(
    const Database &database, const PasswordLookup &passwords, const SyncDefinition &definition, const TableInfo &table)
{
    auto statement = routeCountSql(definition, table);
    if (!statement)
        return statement.error();
    return previewFrom(readCounts(database, passwords, {statement->sql, statement->parameters}, countingWhat(table)), definition);
}

} // namespace SyncBridge
