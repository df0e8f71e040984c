#include "itemquery.h"

#include <QDateTime>
#include <QRegularExpression>

namespace GraphEmulator {
namespace {

QString queryValue(const QUrlQuery &query, const QString &name)
{
    // Both "$expand" and "expand" occur in the wild (contract §1).
    if (query.hasQueryItem(QLatin1Char('$') + name))
        return query.queryItemValue(QLatin1Char('$') + name, QUrl::FullyDecoded);
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

struct Token {
    enum Type { Word, String, Number, Open, Close, Comma, End } type = End;
    QString text;
};

class FilterParser
{
public:
    explicit FilterParser(const QString &text) : m_text(text) { advance(); }

    std::unique_ptr<FilterNode> parse(QString *error)
    {
        auto node = parseOr();
        if (!node || m_token.type != Token::End) {
            *error = m_error.isEmpty() ? QStringLiteral("Invalid filter clause near position %1.").arg(m_position) : m_error;
            return nullptr;
        }
        return node;
    }

    QStringList properties;

private:
    void advance()
    {
        while (m_position < m_text.size() && m_text.at(m_position).isSpace())
            ++m_position;
        if (m_position >= m_text.size()) {
            m_token = {Token::End, {}};
            return;
        }
        const QChar c = m_text.at(m_position);
        if (c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char(',')) {
            m_token = {c == QLatin1Char('(') ? Token::Open : c == QLatin1Char(')') ? Token::Close : Token::Comma, QString(c)};
            ++m_position;
            return;
        }
        if (c == QLatin1Char('\'')) {
            QString value;
            ++m_position;
            while (m_position < m_text.size()) {
                if (m_text.at(m_position) == QLatin1Char('\'')) {
                    if (m_position + 1 < m_text.size() && m_text.at(m_position + 1) == QLatin1Char('\'')) {
                        value += QLatin1Char('\'');
                        m_position += 2;
                        continue;
                    }
                    break;
                }
                value += m_text.at(m_position++);
            }
            if (m_position >= m_text.size())
                m_error = QStringLiteral("Unterminated string literal in filter.");
            ++m_position;
            m_token = {Token::String, value};
            return;
        }
        const int start = m_position;
        while (m_position < m_text.size() && !m_text.at(m_position).isSpace() && m_text.at(m_position) != QLatin1Char('(')
               && m_text.at(m_position) != QLatin1Char(')') && m_text.at(m_position) != QLatin1Char(','))
            ++m_position;
        const QString word = m_text.mid(start, m_position - start);
        bool numeric = false;
        word.toDouble(&numeric);
        m_token = {numeric ? Token::Number : Token::Word, word};
    }

    bool isKeyword(const char *keyword) const
    {
        return m_token.type == Token::Word && m_token.text.compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0;
    }

    std::unique_ptr<FilterNode> combine(FilterNode::Kind kind, std::unique_ptr<FilterNode> left, std::unique_ptr<FilterNode> right)
    {
        auto node = std::make_unique<FilterNode>();
        node->kind = kind;
        node->children.push_back(std::move(left));
        node->children.push_back(std::move(right));
        return node;
    }

    std::unique_ptr<FilterNode> parseOr()
    {
        auto left = parseAnd();
        while (left && isKeyword("or")) {
            advance();
            auto right = parseAnd();
            if (!right)
                return nullptr;
            left = combine(FilterNode::Kind::Or, std::move(left), std::move(right));
        }
        return left;
    }

    std::unique_ptr<FilterNode> parseAnd()
    {
        auto left = parseUnary();
        while (left && isKeyword("and")) {
            advance();
            auto right = parseUnary();
            if (!right)
                return nullptr;
            left = combine(FilterNode::Kind::And, std::move(left), std::move(right));
        }
        return left;
    }

    std::unique_ptr<FilterNode> parseUnary()
    {
        if (isKeyword("not")) {
            advance();
            auto inner = parseUnary();
            if (!inner)
                return nullptr;
            auto node = std::make_unique<FilterNode>();
            node->kind = FilterNode::Kind::Not;
            node->children.push_back(std::move(inner));
            return node;
        }
        if (m_token.type == Token::Open) {
            advance();
            auto inner = parseOr();
            if (!inner || m_token.type != Token::Close)
                return nullptr;
            advance();
            return inner;
        }
        if (isKeyword("startswith")) {
            advance();
            if (m_token.type != Token::Open)
                return nullptr;
            advance();
            auto node = std::make_unique<FilterNode>();
            node->kind = FilterNode::Kind::StartsWith;
            if (m_token.type != Token::Word)
                return nullptr;
            node->property = m_token.text;
            properties << node->property;
            advance();
            if (m_token.type != Token::Comma)
                return nullptr;
            advance();
            if (m_token.type != Token::String)
                return nullptr;
            node->literal = m_token.text;
            advance();
            if (m_token.type != Token::Close)
                return nullptr;
            advance();
            return node;
        }
        if (m_token.type != Token::Word)
            return nullptr;
        auto node = std::make_unique<FilterNode>();
        node->property = m_token.text;
        properties << node->property;
        advance();
        static const QStringList operators{QStringLiteral("eq"), QStringLiteral("ne"), QStringLiteral("lt"), QStringLiteral("gt"),
                                           QStringLiteral("le"), QStringLiteral("ge")};
        if (m_token.type != Token::Word || !operators.contains(m_token.text.toLower()))
            return nullptr;
        node->op = m_token.text.toLower();
        advance();
        switch (m_token.type) {
        case Token::String: node->literal = m_token.text; break;
        case Token::Number: node->literal = m_token.text.toDouble(); break;
        case Token::Word:
            if (isKeyword("true") || isKeyword("false"))
                node->literal = isKeyword("true");
            else if (isKeyword("null"))
                node->literal = QJsonValue(QJsonValue::Null);
            else
                return nullptr;
            break;
        default: return nullptr;
        }
        advance();
        return node;
    }

    QString m_text;
    int m_position = 0;
    Token m_token;
    QString m_error;
};

QDateTime asDateTime(const QJsonValue &value)
{
    if (!value.isString() || value.toString().size() < 10 || value.toString().at(4) != QLatin1Char('-'))
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

} // namespace

QString parseItemQuery(const QUrlQuery &query, ItemQuery *out)
{
    const QString expand = queryValue(query, QStringLiteral("expand"));
    if (!expand.isEmpty()) {
        static const QRegularExpression fieldsExpand(QStringLiteral("^fields(\\(\\$?select=([^)]*)\\))?$"));
        const auto match = fieldsExpand.match(expand.trimmed());
        if (!match.hasMatch())
            return QStringLiteral("The expression \"%1\" is not valid.").arg(expand);
        out->expandFields = true;
        if (!match.captured(2).isEmpty())
            out->fieldSelect = match.captured(2).split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    const QString select = queryValue(query, QStringLiteral("select"));
    if (!select.isEmpty())
        out->select = select.split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QString top = queryValue(query, QStringLiteral("top"));
    if (!top.isEmpty()) {
        bool ok = false;
        const int value = top.toInt(&ok);
        if (!ok || value <= 0)
            return QStringLiteral("Invalid value '%1' for $top.").arg(top);
        out->top = qMin(value, 5000);   // EMULATOR DECISION (§6.1): clamp silently at the list view threshold
    }
    const QString filter = queryValue(query, QStringLiteral("filter"));
    if (!filter.isEmpty()) {
        FilterParser parser(filter);
        QString error;
        out->filter = parser.parse(&error);
        if (!out->filter)
            return error;
        out->referencedProperties << parser.properties;
    }
    const QString orderBy = queryValue(query, QStringLiteral("orderby"));
    for (const QString &part : orderBy.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList words = part.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty() || words.size() > 2 || (words.size() == 2 && words.at(1) != QLatin1String("asc") && words.at(1) != QLatin1String("desc")))
            return QStringLiteral("Invalid $orderby clause '%1'.").arg(part);
        out->orderBy.append({words.at(0), words.size() == 2 && words.at(1) == QLatin1String("desc")});
        out->referencedProperties << words.at(0);
    }
    out->skipToken = queryValue(query, QStringLiteral("skiptoken"));
    return {};
}

QString columnOfProperty(const QString &property)
{
    if (property.startsWith(QLatin1String("fields/")))
        return property.mid(7);
    return {};
}

QJsonValue propertyValue(const Item &item, const QString &property)
{
    const QString column = columnOfProperty(property);
    if (property == QLatin1String("id") || column == QLatin1String("ID") || column == QLatin1String("id"))
        return item.id;
    if (property == QLatin1String("createdDateTime") || column == QLatin1String("Created"))
        return isoUtc(item.createdMs);
    if (property == QLatin1String("lastModifiedDateTime") || column == QLatin1String("Modified"))
        return isoUtc(item.modifiedMs);
    return item.fields.value(column);
}

int compareValues(const QJsonValue &a, const QJsonValue &b)
{
    const auto sign = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
    const bool aMissing = a.isUndefined() || a.isNull();
    const bool bMissing = b.isUndefined() || b.isNull();
    if (aMissing || bMissing)
        return sign(int(!aMissing), int(!bMissing));
    if (a.isDouble() || b.isDouble()) {
        const double x = a.isDouble() ? a.toDouble() : a.toString().toDouble();
        const double y = b.isDouble() ? b.toDouble() : b.toString().toDouble();
        return sign(x, y);
    }
    if (a.isBool() || b.isBool())
        return sign(int(a.toBool()), int(b.toBool()));
    const QDateTime x = asDateTime(a), y = asDateTime(b);
    if (x.isValid() && y.isValid())
        return sign(x.toMSecsSinceEpoch(), y.toMSecsSinceEpoch());
    return sign(QString::compare(a.toString(), b.toString(), Qt::CaseInsensitive), 0);
}

bool matches(const FilterNode &node, const Item &item)
{
    switch (node.kind) {
    case FilterNode::Kind::And: return matches(*node.children[0], item) && matches(*node.children[1], item);
    case FilterNode::Kind::Or: return matches(*node.children[0], item) || matches(*node.children[1], item);
    case FilterNode::Kind::Not: return !matches(*node.children[0], item);
    case FilterNode::Kind::StartsWith:
        return propertyValue(item, node.property).toString().startsWith(node.literal.toString(), Qt::CaseInsensitive);
    case FilterNode::Kind::Compare: break;
    }
    const QJsonValue value = propertyValue(item, node.property);
    if (node.literal.isNull()) {
        const bool missing = value.isUndefined() || value.isNull();
        return node.op == QLatin1String("eq") ? missing : (node.op == QLatin1String("ne") ? !missing : false);
    }
    if (value.isUndefined() || value.isNull())
        return node.op == QLatin1String("ne");
    const int order = compareValues(value, node.literal);
    if (node.op == QLatin1String("eq")) return order == 0;
    if (node.op == QLatin1String("ne")) return order != 0;
    if (node.op == QLatin1String("lt")) return order < 0;
    if (node.op == QLatin1String("le")) return order <= 0;
    if (node.op == QLatin1String("gt")) return order > 0;
    return order >= 0;
}

} // namespace GraphEmulator
