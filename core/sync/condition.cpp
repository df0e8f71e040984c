#include "sync/condition.h"

#include "sync/quotedtext.h"

#include <QCoreApplication>

namespace SyncBridge {
namespace {

class Parser
{
public:
    explicit Parser(const QString &text) : m_text(text) {}

    Result<Condition> parse()
    {
        auto condition = parseOr();
        if (!condition)
            return condition;
        skipSpaces();
        if (!atEnd())
            return fail(QCoreApplication::translate("SyncBridge::Sharding", "unexpected '%1'").arg(m_text.mid(m_position, 12)));
        return condition;
    }

private:
    bool atEnd() const { return m_position >= m_text.size(); }
    void skipSpaces()
    {
        while (!atEnd() && m_text.at(m_position).isSpace())
            ++m_position;
    }
    Error fail(const QString &what) const
    {
        return Error(ErrorCode::InvalidInput,
                     QCoreApplication::translate("SyncBridge::Sharding", "Condition at %1: %2").arg(m_position + 1).arg(what));
    }

    // Consumes a keyword (case-insensitive, whole word) or a symbol when it is next.
    bool accept(const QString &token)
    {
        skipSpaces();
        if (m_text.mid(m_position, token.size()).compare(token, Qt::CaseInsensitive) != 0)
            return false;
        const bool word = token.at(0).isLetter();
        const int after = m_position + int(token.size());
        if (word && after < m_text.size() && (m_text.at(after).isLetterOrNumber() || m_text.at(after) == QLatin1Char('_')))
            return false;
        m_position = after;
        return true;
    }

    // left (keyword right)*, for "or" over "and" over unary.
    Result<Condition> parseChain(Condition::Kind kind, const QString &keyword, Result<Condition> (Parser::*operand)())
    {
        auto left = (this->*operand)();
        while (left && accept(keyword)) {
            auto right = (this->*operand)();
            if (!right)
                return right;
            left = combine(kind, std::move(*left), std::move(*right));
        }
        return left;
    }

    Result<Condition> parseOr() { return parseChain(Condition::Kind::Or, QStringLiteral("or"), &Parser::parseAnd); }
    Result<Condition> parseAnd() { return parseChain(Condition::Kind::And, QStringLiteral("and"), &Parser::parseUnary); }

    static Condition combine(Condition::Kind kind, Condition left, Condition right)
    {
        // Flatten chains: a and b and c is one And with three children.
        if (left.kind == kind) {
            left.children.push_back(std::move(right));
            return left;
        }
        Condition node;
        node.kind = kind;
        node.children.push_back(std::move(left));
        node.children.push_back(std::move(right));
        return node;
    }

    Result<Condition> parseUnary()
    {
        if (accept(QStringLiteral("not"))) {
            auto inner = parseUnary();
            if (!inner)
                return inner;
            Condition node;
            node.kind = Condition::Kind::Not;
            node.children.push_back(std::move(*inner));
            return node;
        }
        if (accept(QStringLiteral("("))) {
            auto inner = parseOr();
            if (!inner)
                return inner;
            if (!accept(QStringLiteral(")")))
                return fail(QCoreApplication::translate("SyncBridge::Sharding", "expected ')'"));
            return inner;
        }
        return parseComparison();
    }

    Result<QString> identifier()
    {
        skipSpaces();
        const int start = m_position;
        if (!atEnd() && m_text.at(m_position) == QLatin1Char('"')) {   // "quoted column"
            ++m_position;
            QString name;
            while (!atEnd() && m_text.at(m_position) != QLatin1Char('"'))
                name += m_text.at(m_position++);
            if (atEnd())
                return fail(QCoreApplication::translate("SyncBridge::Sharding", "unterminated column name"));
            ++m_position;
            return name;
        }
        while (!atEnd() && (m_text.at(m_position).isLetterOrNumber() || m_text.at(m_position) == QLatin1Char('_')))
            ++m_position;
        if (m_position == start)
            return fail(QCoreApplication::translate("SyncBridge::Sharding", "expected a column name"));
        return m_text.mid(start, m_position - start);
    }

    Result<QJsonValue> literal()
    {
        skipSpaces();
        if (atEnd())
            return fail(QCoreApplication::translate("SyncBridge::Sharding", "expected a value"));
        if (m_text.at(m_position) == QLatin1Char('\'')) {
            const auto text = scanQuotedText(m_text, m_position);
            if (!text)
                return fail(QCoreApplication::translate("SyncBridge::Sharding", "unterminated text value"));
            return QJsonValue(*text);
        }
        if (accept(QStringLiteral("true")))
            return QJsonValue(true);
        if (accept(QStringLiteral("false")))
            return QJsonValue(false);
        if (accept(QStringLiteral("null")))
            return QJsonValue(QJsonValue::Null);
        const int start = m_position;
        while (!atEnd() && (m_text.at(m_position).isDigit() || QStringLiteral(".-+eE").contains(m_text.at(m_position))))
            ++m_position;
        bool ok = false;
        const double number = m_text.mid(start, m_position - start).toDouble(&ok);
        if (!ok) {
            m_position = start;
            return fail(QCoreApplication::translate("SyncBridge::Sharding", "expected a value ('text', a number, true, false or null)"));
        }
        return QJsonValue(number);
    }

    Result<Condition> parseComparison()
    {
        auto column = identifier();
        if (!column)
            return column.error();
        Condition node;
        node.column = *column;
        if (accept(QStringLiteral("is"))) {
            node.kind = Condition::Kind::IsNull;
            const bool negated = accept(QStringLiteral("not"));
            if (!accept(QStringLiteral("null")))
                return fail(QCoreApplication::translate("SyncBridge::Sharding", "expected 'null' after 'is'"));
            if (!negated)
                return node;
            Condition wrapper;
            wrapper.kind = Condition::Kind::Not;
            wrapper.children.push_back(std::move(node));
            return wrapper;
        }
        if (accept(QStringLiteral("in"))) {
            node.kind = Condition::Kind::In;
            if (!accept(QStringLiteral("(")))
                return fail(QCoreApplication::translate("SyncBridge::Sharding", "expected '(' after 'in'"));
            do {
                auto value = literal();
                if (!value)
                    return value.error();
                node.values.append(*value);
            } while (accept(QStringLiteral(",")));
            if (!accept(QStringLiteral(")")))
                return fail(QCoreApplication::translate("SyncBridge::Sharding", "expected ')' or ','"));
            return node;
        }
        if (accept(QStringLiteral("contains")))
            node.kind = Condition::Kind::Contains;
        else if (accept(QStringLiteral("starts"))) {
            if (!accept(QStringLiteral("with")))
                return fail(QCoreApplication::translate("SyncBridge::Sharding", "expected 'with' after 'starts'"));
            node.kind = Condition::Kind::StartsWith;
        } else {
            for (const char *op : {"==", "!=", "<=", ">=", "<", ">"}) {
                if (accept(QLatin1String(op))) {
                    node.op = QLatin1String(op);
                    break;
                }
            }
            if (node.op.isEmpty())
                return fail(QCoreApplication::translate("SyncBridge::Sharding", "expected an operator (==, !=, <, <=, >, >=, in, contains, starts with, is null)"));
        }
        auto value = literal();
        if (!value)
            return value.error();
        node.value = *value;
        return node;
    }

    QString m_text;
    int m_position = 0;
};

int compare(const QJsonValue &a, const QJsonValue &b, bool *comparable)
{
    *comparable = true;
    if (a.isDouble() && b.isDouble())
        return a.toDouble() < b.toDouble() ? -1 : (a.toDouble() > b.toDouble() ? 1 : 0);
    if (a.isBool() && b.isBool())
        return int(a.toBool()) - int(b.toBool());
    if (a.isString() && b.isString())
        return a.toString().compare(b.toString());
    if (a.isString() && b.isDouble()) {   // numeric text (e.g. a key) against a number
        bool ok = false;
        const double x = a.toString().toDouble(&ok);
        if (ok)
            return x < b.toDouble() ? -1 : (x > b.toDouble() ? 1 : 0);
    }
    *comparable = false;
    return 0;
}

QString literalText(const QJsonValue &value)
{
    if (value.isString())
        return QLatin1Char('\'') + QString(value.toString()).replace(QLatin1Char('\''), QLatin1String("''")) + QLatin1Char('\'');
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull())
        return QStringLiteral("null");
    return QString::number(value.toDouble(), 'g', 17);
}

} // namespace

QStringList Condition::columns() const
{
    QStringList result;
    if (!column.isEmpty())
        result << column;
    for (const Condition &child : children)
        result << child.columns();
    result.removeDuplicates();
    return result;
}

Result<Condition> parseCondition(const QString &text)
{
    if (text.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::Sharding", "The condition is empty."));
    return Parser(text).parse();
}

Result<Condition> conditionFromJson(const QJsonValue &json)
{
    if (json.isString())
        return parseCondition(json.toString());
    const QJsonObject object = json.toObject();
    for (const auto &[key, kind] : {std::pair{"and", Condition::Kind::And}, std::pair{"or", Condition::Kind::Or}}) {
        if (!object.contains(QLatin1String(key)))
            continue;
        Condition node;
        node.kind = kind;
        for (const QJsonValue &child : object.value(QLatin1String(key)).toArray()) {
            auto parsed = conditionFromJson(child);
            if (!parsed)
                return parsed;
            node.children.push_back(std::move(*parsed));
        }
        if (node.children.empty())
            return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::Sharding", "An 'and'/'or' needs at least one condition."));
        return node;
    }
    if (object.contains(QStringLiteral("not"))) {
        auto inner = conditionFromJson(object.value(QStringLiteral("not")));
        if (!inner)
            return inner;
        Condition node;
        node.kind = Condition::Kind::Not;
        node.children.push_back(std::move(*inner));
        return node;
    }
    Condition node;
    node.column = object.value(QStringLiteral("column")).toString();
    const QString op = object.value(QStringLiteral("op")).toString();
    if (node.column.isEmpty() || op.isEmpty())
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::Sharding", "A condition needs 'column' and 'op'."));
    if (op == QLatin1String("in")) {
        node.kind = Condition::Kind::In;
        node.values = object.value(QStringLiteral("value")).toArray();
    } else if (op == QLatin1String("contains")) {
        node.kind = Condition::Kind::Contains;
    } else if (op == QLatin1String("starts with")) {
        node.kind = Condition::Kind::StartsWith;
    } else if (op == QLatin1String("is null")) {
        node.kind = Condition::Kind::IsNull;
    } else if (QStringList{QStringLiteral("=="), QStringLiteral("!="), QStringLiteral("<"), QStringLiteral("<="), QStringLiteral(">"), QStringLiteral(">=")}.contains(op)) {
        node.op = op;
    } else {
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::Sharding", "'%1' is not an operator.").arg(op));
    }
    node.value = object.value(QStringLiteral("value"));
    return node;
}

QJsonObject conditionToJson(const Condition &condition)
{
    switch (condition.kind) {
    case Condition::Kind::And:
    case Condition::Kind::Or: {
        QJsonArray children;
        for (const Condition &child : condition.children)
            children.append(conditionToJson(child));
        return QJsonObject{{condition.kind == Condition::Kind::And ? QStringLiteral("and") : QStringLiteral("or"), children}};
    }
    case Condition::Kind::Not: return QJsonObject{{QStringLiteral("not"), conditionToJson(condition.children.front())}};
    case Condition::Kind::In: return QJsonObject{{QStringLiteral("column"), condition.column}, {QStringLiteral("op"), QStringLiteral("in")}, {QStringLiteral("value"), condition.values}};
    case Condition::Kind::Contains: return QJsonObject{{QStringLiteral("column"), condition.column}, {QStringLiteral("op"), QStringLiteral("contains")}, {QStringLiteral("value"), condition.value}};
    case Condition::Kind::StartsWith: return QJsonObject{{QStringLiteral("column"), condition.column}, {QStringLiteral("op"), QStringLiteral("starts with")}, {QStringLiteral("value"), condition.value}};
    case Condition::Kind::IsNull: return QJsonObject{{QStringLiteral("column"), condition.column}, {QStringLiteral("op"), QStringLiteral("is null")}};
    case Condition::Kind::Compare: break;
    }
    return QJsonObject{{QStringLiteral("column"), condition.column}, {QStringLiteral("op"), condition.op}, {QStringLiteral("value"), condition.value}};
}

QString conditionToText(const Condition &condition)
{
    const auto group = [](const Condition &child) {
        const QString text = conditionToText(child);
        return (child.kind == Condition::Kind::And || child.kind == Condition::Kind::Or) ? QLatin1Char('(') + text + QLatin1Char(')') : text;
    };
    switch (condition.kind) {
    case Condition::Kind::And:
    case Condition::Kind::Or: {
        QStringList parts;
        for (const Condition &child : condition.children)
            parts << group(child);
        return parts.join(condition.kind == Condition::Kind::And ? QStringLiteral(" and ") : QStringLiteral(" or "));
    }
    case Condition::Kind::Not:
        if (condition.children.front().kind == Condition::Kind::IsNull)
            return condition.children.front().column + QStringLiteral(" is not null");
        return QStringLiteral("not ") + group(condition.children.front());
    case Condition::Kind::In: {
        QStringList values;
        for (const QJsonValue &value : condition.values)
            values << literalText(value);
        return QStringLiteral("%1 in (%2)").arg(condition.column, values.join(QStringLiteral(", ")));
    }
    case Condition::Kind::Contains: return QStringLiteral("%1 contains %2").arg(condition.column, literalText(condition.value));
    case Condition::Kind::StartsWith: return QStringLiteral("%1 starts with %2").arg(condition.column, literalText(condition.value));
    case Condition::Kind::IsNull: return condition.column + QStringLiteral(" is null");
    case Condition::Kind::Compare: break;
    }
    return QStringLiteral("%1 %2 %3").arg(condition.column, condition.op, literalText(condition.value));
}

bool evaluate(const Condition &condition, const QHash<QString, QJsonValue> &row)
{
    switch (condition.kind) {
    case Condition::Kind::And:
        return std::all_of(condition.children.cbegin(), condition.children.cend(), [&](const Condition &c) { return evaluate(c, row); });
    case Condition::Kind::Or:
        return std::any_of(condition.children.cbegin(), condition.children.cend(), [&](const Condition &c) { return evaluate(c, row); });
    case Condition::Kind::Not:
        return !evaluate(condition.children.front(), row);
    default:
        break;
    }
    const QJsonValue value = row.value(condition.column, QJsonValue(QJsonValue::Null));
    const bool missing = value.isNull() || value.isUndefined();
    if (condition.kind == Condition::Kind::IsNull)
        return missing;
    if (missing)
        return false;
    bool comparable = false;
    switch (condition.kind) {
    case Condition::Kind::In:
        for (const QJsonValue &candidate : condition.values) {
            if (compare(value, candidate, &comparable) == 0 && comparable)
                return true;
        }
        return false;
    case Condition::Kind::Contains:
        if (value.isArray())
            return value.toArray().contains(condition.value);
        return value.toString().contains(condition.value.toString());
    case Condition::Kind::StartsWith:
        return value.toString().startsWith(condition.value.toString());
    default:
        break;
    }
    const int order = compare(value, condition.value, &comparable);
    if (!comparable)
        return condition.op == QLatin1String("!=");
    if (condition.op == QLatin1String("==")) return order == 0;
    if (condition.op == QLatin1String("!=")) return order != 0;
    if (condition.op == QLatin1String("<")) return order < 0;
    if (condition.op == QLatin1String("<=")) return order <= 0;
    if (condition.op == QLatin1String(">")) return order > 0;
    return order >= 0;
}

} // namespace SyncBridge
