// The cron parser: five fields to the Vixie/cronie rules, or an @-name. Errors say which field,
// where (1-based, in the text as given) and why; the first problem found is the one reported.
#include "schedule/cronexpression.h"

#include <QCoreApplication>

#include <array>

namespace SyncBridge {
namespace {

const char *const context = "SyncBridge::Cron";

struct FieldSpec {
    CronField field;
    int min;
    int max;                  // day-of-week: 7, read as Sunday (0)
    const char *const *names; // three-letter names for min, min+1, …; nullptr: numbers only
    int nameCount;
};

const char *const monthNames[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
const char *const dayNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

const std::array<FieldSpec, 5> specs{{
    {CronField::Minute, 0, 59, nullptr, 0},
    {CronField::Hour, 0, 23, nullptr, 0},
    {CronField::DayOfMonth, 1, 31, nullptr, 0},
    {CronField::Month, 1, 12, monthNames, 12},
    {CronField::DayOfWeek, 0, 7, dayNames, 7},
}};

// Vixie cron's @-names, as cronie expands them (@reboot is not a time, so not a schedule here).
struct Macro {
    const char *name;
    const char *fields;
};
const std::array<Macro, 7> macros{{
    {"@yearly", "0 0 1 1 *"},
    {"@annually", "0 0 1 1 *"},
    {"@monthly", "0 0 1 * *"},
    {"@weekly", "0 0 * * 0"},
    {"@daily", "0 0 * * *"},
    {"@midnight", "0 0 * * *"},
    {"@hourly", "0 * * * *"},
}};

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

// Reads one field's text (at offset in the whole expression) into a set of values.
class FieldReader
{
public:
    FieldReader(const FieldSpec &spec, const QString &text, int offset)
        : m_spec(spec)
        , m_text(text)
        , m_offset(offset)
    {
    }

    std::optional<CronSyntaxError> read(std::bitset<60> &values)
    {
        for (;;) {
            if (auto error = item(values))
                return error;
            if (m_at == m_text.size())
                return std::nullopt;
            if (m_text.at(m_at) != QLatin1Char(','))
                return fail(m_at, 1, QCoreApplication::translate(context, "unexpected '%1'").arg(m_text.at(m_at)));
            ++m_at;
        }
    }

private:
    std::optional<CronSyntaxError> item(std::bitset<60> &values)
    {
        const int itemStart = m_at;
        int low = m_spec.min;
        int high = m_spec.max;
        if (m_at < m_text.size() && m_text.at(m_at) == QLatin1Char('*')) {
            ++m_at;
        } else {
            if (auto error = value(low))
                return error;
            high = low;
            if (m_at < m_text.size() && m_text.at(m_at) == QLatin1Char('-')) {
                ++m_at;
                if (auto error = value(high))
                    return error;
                if (high < low) {
                    const QString range = m_text.mid(itemStart, m_at - itemStart);
                    return fail(
                        itemStart, m_at - itemStart, QCoreApplication::translate(context, "the range %1 runs backwards").arg(range));
                }
            } else if (m_at < m_text.size() && m_text.at(m_at) == QLatin1Char('/')) {
                high = m_spec.max; // cronie: "5/10" is "5-max/10"
            }
        }
        int step = 1;
        if (m_at < m_text.size() && m_text.at(m_at) == QLatin1Char('/')) {
            ++m_at;
            const int start = m_at;
            const std::optional<int> number = digits();
            if (!number)
                return fail(start, 1, QCoreApplication::translate(context, "expected a step after '/'"));
            // As cronie: any step of 1 or more; one larger than the range leaves its first value.
            if (*number < 1)
                return fail(start, m_at - start, QCoreApplication::translate(context, "a step must be 1 or more"));
            step = *number;
        }
        for (int v = low; v <= high; v += step)
            values.set(m_spec.field == CronField::DayOfWeek && v == 7 ? 0 : v);
        return std::nullopt;
    }

    // A number or (month, day-of-week) a three-letter name, in range.
    std::optional<CronSyntaxError> value(int &result)
    {
        const int start = m_at;
        if (m_at < m_text.size() && m_text.at(m_at).isLetter()) {
            while (m_at < m_text.size() && m_text.at(m_at).isLetterOrNumber())
                ++m_at;
            const QString word = m_text.mid(start, m_at - start);
            for (int i = 0; i < m_spec.nameCount; ++i) {
                if (word.compare(QLatin1String(m_spec.names[i]), Qt::CaseInsensitive) == 0) {
                    result = m_spec.min + i;
                    return std::nullopt;
                }
            }
            QString reason;
            switch (m_spec.field) {
            case CronField::Month:
                reason = QCoreApplication::translate(context, "'%1' is not a month name (jan … dec)").arg(word);
                break;
            case CronField::DayOfWeek:
                reason = QCoreApplication::translate(context, "'%1' is not a day name (sun … sat)").arg(word);
                break;
            default:
                reason = QCoreApplication::translate(context, "'%1' is not a number").arg(word);
                break;
            }
            return fail(start, m_at - start, reason);
        }
        const std::optional<int> number = digits();
        if (!number) {
            if (m_at == m_text.size() || m_text.at(m_at) == QLatin1Char(','))
                return fail(m_at, 1, QCoreApplication::translate(context, "expected a value"));
            return fail(m_at, 1, QCoreApplication::translate(context, "unexpected '%1'").arg(m_text.at(m_at)));
        }
        if (*number < m_spec.min || *number > m_spec.max) {
            return fail(start, m_at - start,
                QCoreApplication::translate(context, "%1 is out of range %2-%3")
                    .arg(m_text.mid(start, m_at - start))
                    .arg(m_spec.min)
                    .arg(m_spec.max));
        }
        result = *number;
        return std::nullopt;
    }

    // Decimal digits; a number too long for any field reads as out of range, not as an overflow.
    std::optional<int> digits()
    {
        const int start = m_at;
        int number = 0;
        while (m_at < m_text.size() && m_text.at(m_at).unicode() >= '0' && m_text.at(m_at).unicode() <= '9') {
            number = qMin(number * 10 + (m_text.at(m_at).unicode() - '0'), 1000000);
            ++m_at;
        }
        if (m_at == start)
            return std::nullopt;
        return number;
    }

    CronSyntaxError fail(int at, int length, const QString &reason) const
    {
        return CronSyntaxError{m_spec.field, m_offset + at + 1, qMax(1, length), reason};
    }

    const FieldSpec &m_spec;
    const QString &m_text;
    const int m_offset;
    int m_at = 0;
};

std::optional<CronSyntaxError> parseFields(const QString &text, int offset, CronExpression &expression)
{
    // Split on blanks, remembering where each field starts.
    QList<std::pair<int, QString>> fields;
    int at = 0;
    while (at < text.size()) {
        while (at < text.size() && isBlank(text.at(at)))
            ++at;
        const int start = at;
        while (at < text.size() && !isBlank(text.at(at)))
            ++at;
        if (at > start)
            fields.append({start, text.mid(start, at - start)});
    }
    if (fields.size() != 5) {
        const int position = fields.size() > 5 ? offset + fields.at(5).first + 1 : offset + text.size() + 1;
        return CronSyntaxError{std::nullopt, position, 1,
            QCoreApplication::translate(context, "expected 5 fields (minute hour day-of-month month day-of-week), found %1")
                .arg(fields.size())};
    }
    std::array<std::bitset<60>, 5> sets;
    for (int i = 0; i < 5; ++i) {
        if (auto error = FieldReader(specs.at(i), fields.at(i).second, offset + fields.at(i).first).read(sets.at(i)))
            return error;
    }
    for (int v = 0; v < 60; ++v) {
        expression.minutes.set(v, sets[0].test(v));
        if (v < 24)
            expression.hours.set(v, sets[1].test(v));
        if (v < 32)
            expression.daysOfMonth.set(v, sets[2].test(v));
        if (v < 13)
            expression.months.set(v, sets[3].test(v));
        if (v < 7)
            expression.daysOfWeek.set(v, sets[4].test(v));
    }
    const auto starred = [&](int i) { return fields.at(i).second.startsWith(QLatin1Char('*')); };
    expression.minuteStar = starred(0);
    expression.hourStar = starred(1);
    expression.dayOfMonthStar = starred(2);
    expression.dayOfWeekStar = starred(4);
    return std::nullopt;
}

std::optional<CronSyntaxError> parse(const QString &text, CronExpression &expression)
{
    const QString trimmed = text.trimmed();
    int offset = 0;
    while (offset < text.size() && text.at(offset).isSpace())
        ++offset;
    expression.text = trimmed;
    if (trimmed.isEmpty())
        return CronSyntaxError{std::nullopt, 1, 1, QCoreApplication::translate(context, "the schedule is empty")};
    if (trimmed.startsWith(QLatin1Char('@'))) {
        for (const Macro &macro : macros) {
            if (trimmed == QLatin1String(macro.name)) {
                const auto error = parseFields(QLatin1String(macro.fields), 0, expression);
                Q_ASSERT(!error);
                return error;
            }
        }
        return CronSyntaxError{std::nullopt, offset + 1, int(trimmed.size()),
            QCoreApplication::translate(
                context, "'%1' is not a schedule name (@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)")
                .arg(trimmed)};
    }
    return parseFields(trimmed, offset, expression);
}

} // namespace

Result<CronExpression> parseCron(const QString &text)
{
    CronExpression expression;
    if (const auto error = parse(text, expression))
        return Error(ErrorCode::InvalidInput, error->message(), text);
    return expression;
}

std::optional<CronSyntaxError> cronSyntaxError(const QString &text)
{
    CronExpression expression;
    return parse(text, expression);
}

} // namespace SyncBridge
