// The cron parser against the Vixie/cronie rules: every form it accepts, the day-of-month OR
// day-of-week rule, and every kind of error with its field and position.
#include "schedule/cronexpression.h"

#include <QTest>

using namespace SyncBridge;

namespace {

template<std::size_t N> QList<int> valuesOf(const std::bitset<N> &bits)
{
    QList<int> values;
    for (std::size_t i = 0; i < N; ++i) {
        if (bits.test(i))
            values << int(i);
    }
    return values;
}

QList<int> range(int from, int to, int step = 1)
{
    QList<int> values;
    for (int v = from; v <= to; v += step)
        values << v;
    return values;
}

CronExpression parsed(const char *text)
{
    const auto expression = parseCron(QLatin1String(text));
    if (!expression)
        qFatal("%s does not parse: %s", text, qPrintable(expression.error().message()));
    return *expression;
}

} // namespace

class TestCronParser : public QObject
{
    Q_OBJECT

private slots:
    void fields_data()
    {
        QTest::addColumn<QString>("cron");
        QTest::addColumn<int>("field");
        QTest::addColumn<QList<int>>("values");
        QTest::newRow("star") << QStringLiteral("* * * * *") << 0 << range(0, 59);
        QTest::newRow("single") << QStringLiteral("7 * * * *") << 0 << QList<int>{7};
        QTest::newRow("list") << QStringLiteral("1,5,59 * * * *") << 0 << QList<int>{1, 5, 59};
        QTest::newRow("range") << QStringLiteral("* 9-17 * * *") << 1 << range(9, 17);
        QTest::newRow("star step") << QStringLiteral("*/15 * * * *") << 0 << QList<int>{0, 15, 30, 45};
        QTest::newRow("range step") << QStringLiteral("1-30/5 * * * *") << 0 << QList<int>{1, 6, 11, 16, 21, 26};
        QTest::newRow("value step is value-max") << QStringLiteral("5/10 * * * *") << 0 << QList<int>{5, 15, 25, 35, 45, 55};
        QTest::newRow("step beyond the range keeps the first value") << QStringLiteral("0 */24 * * *") << 1 << QList<int>{0};
        QTest::newRow("huge step") << QStringLiteral("10-20/99999999 * * * *") << 0 << QList<int>{10};
        QTest::newRow("hour value step") << QStringLiteral("0 20/2 * * *") << 1 << QList<int>{20, 22};
        QTest::newRow("list of ranges and steps") << QStringLiteral("0 1-3,12,20-23/2 * * *") << 1 << QList<int>{1, 2, 3, 12, 20, 22};
        QTest::newRow("day of month") << QStringLiteral("0 0 1,15,31 * *") << 2 << QList<int>{1, 15, 31};
        QTest::newRow("month names") << QStringLiteral("0 0 1 jan,MAR,Dec *") << 3 << QList<int>{1, 3, 12};
        QTest::newRow("month name range") << QStringLiteral("0 0 1 jun-aug *") << 3 << QList<int>{6, 7, 8};
        QTest::newRow("month step") << QStringLiteral("0 0 1 */3 *") << 3 << QList<int>{1, 4, 7, 10};
        QTest::newRow("day names") << QStringLiteral("0 0 * * Mon-fri") << 4 << range(1, 5);
        QTest::newRow("sun is 0") << QStringLiteral("0 0 * * sun") << 4 << QList<int>{0};
        QTest::newRow("7 is sunday") << QStringLiteral("0 0 * * 7") << 4 << QList<int>{0};
        QTest::newRow("range to 7") << QStringLiteral("0 0 * * 5-7") << 4 << QList<int>{0, 5, 6};
        QTest::newRow("day step to 7") << QStringLiteral("0 0 * * 1/2") << 4 << QList<int>{0, 1, 3, 5};
        QTest::newRow("tabs and blanks") << QStringLiteral("  0\t12  *  *  * ") << 1 << QList<int>{12};
        QTest::newRow("@hourly") << QStringLiteral("@hourly") << 1 << range(0, 23);
        QTest::newRow("@daily") << QStringLiteral("@daily") << 1 << QList<int>{0};
        QTest::newRow("@midnight") << QStringLiteral("@midnight") << 0 << QList<int>{0};
        QTest::newRow("@weekly") << QStringLiteral("@weekly") << 4 << QList<int>{0};
        QTest::newRow("@monthly") << QStringLiteral("@monthly") << 2 << QList<int>{1};
        QTest::newRow("@yearly") << QStringLiteral("@yearly") << 3 << QList<int>{1};
        QTest::newRow("@annually") << QStringLiteral("@annually") << 2 << QList<int>{1};
    }

    void fields()
    {
        QFETCH(QString, cron);
        QFETCH(int, field);
        QFETCH(QList<int>, values);
        const auto expression = parseCron(cron);
        QVERIFY2(expression.ok(), qPrintable(expression.ok() ? QString() : expression.error().message()));
        QList<int> actual;
        switch (field) {
        case 0:
            actual = valuesOf(expression->minutes);
            break;
        case 1:
            actual = valuesOf(expression->hours);
            break;
        case 2:
            actual = valuesOf(expression->daysOfMonth);
            break;
        case 3:
            actual = valuesOf(expression->months);
            break;
        default:
            actual = valuesOf(expression->daysOfWeek);
            break;
        }
        QCOMPARE(actual, values);
    }

    void macrosEqualTheirFields()
    {
        QVERIFY(parsed("@yearly") == parsed("0 0 1 1 *"));
        QVERIFY(parsed("@annually") == parsed("0 0 1 1 *"));
        QVERIFY(parsed("@monthly") == parsed("0 0 1 * *"));
        QVERIFY(parsed("@weekly") == parsed("0 0 * * 0"));
        QVERIFY(parsed("@daily") == parsed("0 0 * * *"));
        QVERIFY(parsed("@midnight") == parsed("0 0 * * *"));
        QVERIFY(parsed("@hourly") == parsed("0 * * * *"));
        QVERIFY(!(parsed("@hourly") == parsed("0 0 * * *")));
    }

    void starFlagsFollowTheFirstCharacter()
    {
        const CronExpression every = parsed("*/5 */2 */2 * */2");
        QVERIFY(every.minuteStar && every.hourStar && every.dayOfMonthStar && every.dayOfWeekStar);
        QVERIFY(every.followsWallClock());
        const CronExpression fixed = parsed("0-59 0-23 1-31 * 0-6");
        QVERIFY(!fixed.minuteStar && !fixed.hourStar && !fixed.dayOfMonthStar && !fixed.dayOfWeekStar);
        QVERIFY(!fixed.followsWallClock());
        QVERIFY(parsed("30 * * * *").followsWallClock());
        QVERIFY(parsed("* 2 * * *").followsWallClock());
        QVERIFY(!parsed("30 2 * * *").followsWallClock());
    }

    void dayOfMonthOrDayOfWeek_data()
    {
        QTest::addColumn<QString>("cron");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<bool>("matches");
        // 2026-06-01 is a Monday, 2026-06-02 a Tuesday, 2026-06-15 a Monday.
        QTest::newRow("both restricted: the 1st") << QStringLiteral("0 0 1 * tue") << QDate(2026, 6, 1) << true;
        QTest::newRow("both restricted: a Tuesday") << QStringLiteral("0 0 1 * tue") << QDate(2026, 6, 2) << true;
        QTest::newRow("both restricted: neither") << QStringLiteral("0 0 1 * tue") << QDate(2026, 6, 3) << false;
        QTest::newRow("dow star: day of month only") << QStringLiteral("0 0 1 * *") << QDate(2026, 6, 2) << false;
        QTest::newRow("dom star: day of week only") << QStringLiteral("0 0 * * mon") << QDate(2026, 6, 15) << true;
        QTest::newRow("dom star step means both") << QStringLiteral("0 0 */2 * mon") << QDate(2026, 6, 15) << true; // 15 odd, Monday
        QTest::newRow("dom star step means both, no")
            << QStringLiteral("0 0 */2 * mon") << QDate(2026, 6, 2) << false; // the 2nd is even, not a Monday
        QTest::newRow("dom star step, Monday not odd") << QStringLiteral("0 0 */2 * mon") << QDate(2026, 6, 8) << false;
        QTest::newRow("dom full range is restricted") << QStringLiteral("0 0 1-31 * mon") << QDate(2026, 6, 2) << true;
        QTest::newRow("month must match") << QStringLiteral("0 0 1 jul tue") << QDate(2026, 6, 2) << false;
    }

    void dayOfMonthOrDayOfWeek()
    {
        QFETCH(QString, cron);
        QFETCH(QDate, date);
        QFETCH(bool, matches);
        const auto expression = parseCron(cron);
        QVERIFY(expression.ok());
        QCOMPARE(expression->matchesDay(date), matches);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("cron");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("length");
        QTest::newRow("empty") << QStringLiteral("   ") << QStringLiteral("at 1: the schedule is empty") << 1;
        QTest::newRow("too few fields") << QStringLiteral("0 2 * *")
                                        << QStringLiteral("at 8: expected 5 fields (minute hour day-of-month month day-of-week), found 4")
                                        << 1;
        QTest::newRow("too many fields") << QStringLiteral("0 2 * * * 2026")
                                         << QStringLiteral("at 11: expected 5 fields (minute hour day-of-month month day-of-week), found 6")
                                         << 1;
        QTest::newRow("unknown @name")
            << QStringLiteral(" @reboot")
            << QStringLiteral("at 2: '@reboot' is not a schedule name (@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)")
            << 7;
        QTest::newRow("@name is lower case")
            << QStringLiteral("@Daily")
            << QStringLiteral("at 1: '@Daily' is not a schedule name (@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)")
            << 6;
        QTest::newRow("not a day name") << QStringLiteral("0 2 * * mon,fro")
                                        << QStringLiteral("day-of-week, at 13: 'fro' is not a day name (sun … sat)") << 3;
        QTest::newRow("long day name") << QStringLiteral("0 2 * * monday")
                                       << QStringLiteral("day-of-week, at 9: 'monday' is not a day name (sun … sat)") << 6;
        QTest::newRow("not a month name") << QStringLiteral("0 2 * janu *")
                                          << QStringLiteral("month, at 7: 'janu' is not a month name (jan … dec)") << 4;
        QTest::newRow("name in a number field")
            << QStringLiteral("0 noon * * *") << QStringLiteral("hour, at 3: 'noon' is not a number") << 4;
        QTest::newRow("minute out of range") << QStringLiteral("60 * * * *") << QStringLiteral("minute, at 1: 60 is out of range 0-59")
                                             << 2;
        QTest::newRow("hour out of range") << QStringLiteral("0 24 * * *") << QStringLiteral("hour, at 3: 24 is out of range 0-23") << 2;
        QTest::newRow("day 0") << QStringLiteral("0 0 0 * *") << QStringLiteral("day-of-month, at 5: 0 is out of range 1-31") << 1;
        QTest::newRow("month 13") << QStringLiteral("0 0 1 13 *") << QStringLiteral("month, at 7: 13 is out of range 1-12") << 2;
        QTest::newRow("day of week 8") << QStringLiteral("0 0 * * 8") << QStringLiteral("day-of-week, at 9: 8 is out of range 0-7") << 1;
        QTest::newRow("huge number") << QStringLiteral("99999999999 * * * *")
                                     << QStringLiteral("minute, at 1: 99999999999 is out of range 0-59") << 11;
        QTest::newRow("backwards range") << QStringLiteral("0 17-9 * * *") << QStringLiteral("hour, at 3: the range 17-9 runs backwards")
                                         << 4;
        QTest::newRow("backwards names") << QStringLiteral("0 0 * * fri-mon")
                                         << QStringLiteral("day-of-week, at 9: the range fri-mon runs backwards") << 7;
        QTest::newRow("step 0") << QStringLiteral("*/0 * * * *") << QStringLiteral("minute, at 3: a step must be 1 or more") << 1;
        QTest::newRow("step 00") << QStringLiteral("0 1-5/00 * * *") << QStringLiteral("hour, at 7: a step must be 1 or more") << 2;
        QTest::newRow("step missing") << QStringLiteral("*/ * * * *") << QStringLiteral("minute, at 3: expected a step after '/'") << 1;
        QTest::newRow("empty list item") << QStringLiteral("1,,2 * * * *") << QStringLiteral("minute, at 3: expected a value") << 1;
        QTest::newRow("trailing comma") << QStringLiteral("0 1, * * *") << QStringLiteral("hour, at 5: expected a value") << 1;
        QTest::newRow("range missing its end") << QStringLiteral("0 1- * * *") << QStringLiteral("hour, at 5: expected a value") << 1;
        QTest::newRow("two dashes") << QStringLiteral("1-2-3 * * * *") << QStringLiteral("minute, at 4: unexpected '-'") << 1;
        QTest::newRow("star range") << QStringLiteral("*-5 * * * *") << QStringLiteral("minute, at 2: unexpected '-'") << 1;
        QTest::newRow("stray character") << QStringLiteral("0 0 ? * *") << QStringLiteral("day-of-month, at 5: unexpected '?'") << 1;
        QTest::newRow("negative") << QStringLiteral("-1 * * * *") << QStringLiteral("minute, at 1: unexpected '-'") << 1;
    }

    void errors()
    {
        QFETCH(QString, cron);
        QFETCH(QString, message);
        QFETCH(int, length);
        const auto expression = parseCron(cron);
        QVERIFY(!expression.ok());
        QCOMPARE(expression.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(expression.error().message(), message);
        const std::optional<CronSyntaxError> error = cronSyntaxError(cron);
        QVERIFY(error.has_value());
        QCOMPARE(error->message(), message);
        QCOMPARE(error->length, length);
        QVERIFY(error->position >= 1 && error->position <= cron.size() + 1);
    }

    void validTextHasNoSyntaxError()
    {
        QVERIFY(!cronSyntaxError(QStringLiteral("30 2 * * 1-5")).has_value());
        QCOMPARE(parsed("  30 2 * * 1-5 ").text, QStringLiteral("30 2 * * 1-5"));
    }
};

QTEST_GUILESS_MAIN(TestCronParser)
#include "tst_cronparser.moc"
