#include "sync/fieldmapper.h"

#include "graph/hyperlinkvalue.h"
#include "sync/quotedtext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

namespace SyncBridge {
namespace {

QString knownTransforms()
{
    return QStringLiteral("UPPER, LOWER, TRIM, DEFAULT('text'), REPLACE('from','to'), REGEX('pattern','replacement'), FORMAT('pattern')");
}

class RuleParser
{
public:
    explicit RuleParser(const QString &rule) : m_rule(rule) {}

    Result<QList<TransformStep>> parse()
    {
        QList<TransformStep> steps;
        while (true) {
            skipSpaces();
            if (atEnd())
                return fail(QCoreApplication::translate("SyncBridge::Sync", "expected a transform name"));
            auto step = parseStep();
            if (!step)
                return step.error();
            steps << *step;
            skipSpaces();
            if (atEnd())
                return steps;
            if (m_rule.at(m_position) != QLatin1Char('|'))
                return fail(QCoreApplication::translate("SyncBridge::Sync", "expected '|' between transforms"));
            ++m_position;
        }
    }

private:
    bool atEnd() const { return m_position >= m_rule.size(); }
    void skipSpaces()
    {
        while (!atEnd() && m_rule.at(m_position).isSpace())
            ++m_position;
    }

    Error fail(const QString &what) const
    {
        return Error(ErrorCode::InvalidInput,
                     QCoreApplication::translate("SyncBridge::Sync", "Transform '%1' at %2: %3").arg(m_rule).arg(m_position + 1).arg(what));
    }

    Result<QJsonValue> literal()
    {
        skipSpaces();
        if (atEnd())
            return fail(QCoreApplication::translate("SyncBridge::Sync", "expected a value"));
        if (m_rule.at(m_position) == QLatin1Char('\'')) {
            const auto text = scanQuotedText(m_rule, m_position);
            if (!text)
                return fail(QCoreApplication::translate("SyncBridge::Sync", "unterminated text"));
            return QJsonValue(*text);
        }
        const int start = m_position;
        while (!atEnd() && (m_rule.at(m_position).isDigit() || m_rule.at(m_position) == QLatin1Char('.') || m_rule.at(m_position) == QLatin1Char('-')))
            ++m_position;
        bool ok = false;
        const double number = m_rule.mid(start, m_position - start).toDouble(&ok);
        if (!ok)
            return fail(QCoreApplication::translate("SyncBridge::Sync", "expected 'text' or a number"));
        return QJsonValue(number);
    }

    bool expect(QChar c)
    {
        skipSpaces();
        if (atEnd() || m_rule.at(m_position) != c)
            return false;
        ++m_position;
        return true;
    }

    Result<TransformStep> parseStep()
    {
        // The whole word, digits and '_' included: "TO_TEXT" is one (unknown) name, not "TO" and a stray "_TEXT".
        const int start = m_position;
        while (!atEnd() && (m_rule.at(m_position).isLetterOrNumber() || m_rule.at(m_position) == QLatin1Char('_')))
            ++m_position;
        const QString name = m_rule.mid(start, m_position - start).toUpper();
        TransformStep step;
        int arguments = 0;
        if (name == QLatin1String("UPPER")) step.kind = TransformStep::Kind::Upper;
        else if (name == QLatin1String("LOWER")) step.kind = TransformStep::Kind::Lower;
        else if (name == QLatin1String("TRIM")) step.kind = TransformStep::Kind::Trim;
        else if (name == QLatin1String("DEFAULT")) { step.kind = TransformStep::Kind::Default; arguments = 1; }
        else if (name == QLatin1String("REPLACE")) { step.kind = TransformStep::Kind::Replace; arguments = 2; }
        else if (name == QLatin1String("REGEX")) { step.kind = TransformStep::Kind::Regex; arguments = 2; }
        else if (name == QLatin1String("FORMAT")) { step.kind = TransformStep::Kind::Format; arguments = 1; }
        else {
            m_position = start;
            return fail(QCoreApplication::translate("SyncBridge::Sync", "unknown transform '%1'; the known transforms are %2")
                            .arg(name.isEmpty() ? m_rule.mid(start, 1) : m_rule.mid(start, name.size()), knownTransforms()));
        }
        if (arguments == 0)
            return step;
        if (!expect(QLatin1Char('(')))
            return fail(QCoreApplication::translate("SyncBridge::Sync", "expected '('"));
        auto first = literal();
        if (!first)
            return first.error();
        step.first = *first;
        if (arguments == 2) {
            if (!expect(QLatin1Char(',')))
                return fail(QCoreApplication::translate("SyncBridge::Sync", "expected ','"));
            auto second = literal();
            if (!second)
                return second.error();
            step.second = second->toString();
        }
        if (!expect(QLatin1Char(')')))
            return fail(QCoreApplication::translate("SyncBridge::Sync", "expected ')'"));
        if (step.kind == TransformStep::Kind::Regex && !QRegularExpression(step.first.toString()).isValid())
            return fail(QCoreApplication::translate("SyncBridge::Sync", "the regular expression is not valid: %1")
                            .arg(QRegularExpression(step.first.toString()).errorString()));
        return step;
    }

    QString m_rule;
    int m_position = 0;
};

} // namespace

QString mappingText(const FieldMapping &mapping)
{
    return QStringLiteral("%1 → %2").arg(mapping.sourceColumn, mapping.targetColumn);
}

Error mappingError(const FieldMapping &mapping, const Error &error)
{
    return Error(error.code(), QCoreApplication::translate("SyncBridge::Sync", "Mapping %1: %2").arg(mappingText(mapping), error.message()),
        error.detail());
}

Result<QList<TransformStep>> parseTransform(const QString &rule)
{
    if (rule.trimmed().isEmpty())
        return QList<TransformStep>{};
    return RuleParser(rule).parse();
}

QJsonValue applyTransform(const QList<TransformStep> &steps, const QJsonValue &input)
{
    QJsonValue value = input;
    for (const TransformStep &step : steps) {
        if (step.kind == TransformStep::Kind::Default) {
            if (value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty()))
                value = step.first;
            continue;
        }
        if (step.kind == TransformStep::Kind::Format && value.isDouble()) {
            const QString pattern = step.first.toString();
            const int decimals = pattern.contains(QLatin1Char('.')) ? int(pattern.size() - pattern.indexOf(QLatin1Char('.')) - 1) : 0;
            value = QString::number(value.toDouble(), 'f', decimals);
            continue;
        }
        if (!value.isString())
            continue;   // text transforms leave numbers, booleans, arrays and nulls alone
        QString text = value.toString();
        switch (step.kind) {
        case TransformStep::Kind::Upper: text = text.toUpper(); break;
        case TransformStep::Kind::Lower: text = text.toLower(); break;
        case TransformStep::Kind::Trim: text = text.trimmed(); break;
        case TransformStep::Kind::Replace: text.replace(step.first.toString(), step.second); break;
        case TransformStep::Kind::Regex: text.replace(QRegularExpression(step.first.toString()), step.second); break;
        case TransformStep::Kind::Format: {
            const QDateTime when = QDateTime::fromString(text, Qt::ISODate);
            if (when.isValid())
                text = when.toUTC().toString(step.first.toString());
            break;
        }
        case TransformStep::Kind::Default: break;
        }
        value = text;
    }
    return value;
}

namespace {

bool isHyperlink(const FieldMapping &mapping, const SharePointColumn *column)
{
    // Graph may leave a hyperlink column's facet out of the list's columns (contract §5): a mapping
    // with a description column says what it is then.
    return !mapping.descriptionColumn.isEmpty() || (column && column->type == QLatin1String("hyperlinkOrPicture"));
}

Result<QJsonValue> hyperlinkOf(const FieldMapping &mapping, const QJsonValue &url, const QHash<QString, QJsonValue> &sourceValues)
{
    const QJsonValue link = Hyperlink::fromColumns(url, sourceValues.value(mapping.descriptionColumn));
    if (link.isObject() && !Hyperlink::isAllowedUrl(url.toString()))
        return Error(ErrorCode::InvalidInput,
            QCoreApplication::translate("SyncBridge::Sync",
                "Column '%1': '%2' is not a link SharePoint's hyperlink column '%3' takes (a URL with one of the schemes %4).")
                .arg(mapping.sourceColumn, url.toString(), mapping.targetColumn, Hyperlink::allowedSchemes()));
    return link; // null: no link, the column is cleared
}

} // namespace

Result<QJsonObject> mapRow(const QHash<QString, QJsonValue> &sourceValues, const QList<FieldMapping> &mappings,
                           const QHash<QString, SharePointColumn> &targetColumns)
{
    QJsonObject fields;
    for (const FieldMapping &mapping : mappings) {
        if (!mapping.pushes())
            continue;
        auto steps = parseTransform(mapping.transform);
        if (!steps)
            return mappingError(mapping, steps.error());
        const QJsonValue value = applyTransform(*steps, sourceValues.value(mapping.sourceColumn, QJsonValue(QJsonValue::Null)));
        const auto column = targetColumns.constFind(mapping.targetColumn);
        if (column != targetColumns.constEnd() && value.isString() && column->maxLength > 0 && value.toString().size() > column->maxLength)
            return Error(ErrorCode::InvalidInput,
                         QCoreApplication::translate("SyncBridge::Sync", "Column '%1': %2 characters are longer than the SharePoint column '%3' allows (%4).")
                             .arg(mapping.sourceColumn).arg(value.toString().size()).arg(mapping.targetColumn).arg(column->maxLength));
        if (isHyperlink(mapping, column == targetColumns.constEnd() ? nullptr : &*column)) {
            auto link = hyperlinkOf(mapping, value, sourceValues);
            if (!link)
                return link.error();
            fields.insert(mapping.targetColumn, *link);
            continue;
        }
        fields.insert(mapping.targetColumn, value);
    }
    return fields;
}

} // namespace SyncBridge
