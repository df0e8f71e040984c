// A cron expression in words, as the Schedule tab shows it beside the text.
#include "schedule/crondescription.h"

#include <QTest>

using namespace SyncBridge;

class TestCronDescription : public QObject
{
    Q_OBJECT

private slots:
    void describe_data()
    {
        QTest::addColumn<QString>("cron");
        QTest::addColumn<QString>("description");
        QTest::newRow("weekdays") << QStringLiteral("30 2 * * 1-5") << QStringLiteral("At 02:30 on weekdays");
        QTest::newRow("weekends by name") << QStringLiteral("0 9 * * sat,sun") << QStringLiteral("At 09:00 on weekends");
        QTest::newRow("every minute") << QStringLiteral("* * * * *") << QStringLiteral("Every minute");
        QTest::newRow("every 15 minutes") << QStringLiteral("*/15 * * * *") << QStringLiteral("Every 15 minutes");
        QTest::newRow("hourly") << QStringLiteral("@hourly") << QStringLiteral("Every hour");
        QTest::newRow("every hour at 5") << QStringLiteral("5 * * * *") << QStringLiteral("Every hour at minute 5");
        QTest::newRow("every 2 hours") << QStringLiteral("0 */2 * * *") << QStringLiteral("Every 2 hours at minute 0");
        QTest::newRow("daily") << QStringLiteral("@daily") << QStringLiteral("At 00:00");
        QTest::newRow("two times") << QStringLiteral("0 9,17 * * *") << QStringLiteral("At 09:00, 17:00");
        QTest::newRow("weekly") << QStringLiteral("@weekly") << QStringLiteral("At 00:00 on Sunday");
        QTest::newRow("monthly") << QStringLiteral("@monthly") << QStringLiteral("At 00:00 on day 1 of the month");
        QTest::newRow("yearly") << QStringLiteral("@yearly") << QStringLiteral("At 00:00 on day 1 of the month in January");
        QTest::newRow("day of month or day of week")
            << QStringLiteral("0 12 1,15 * mon") << QStringLiteral("At 12:00 on day 1, 15 of the month or on Monday");
        QTest::newRow("both, with a star") << QStringLiteral("0 12 */10 * fri")
                                           << QStringLiteral("At 12:00 on day 1, 11, 21, 31 of the month if it is a Friday");
        QTest::newRow("a full day-of-week field makes it every day") << QStringLiteral("0 12 1 * 0-6") << QStringLiteral("At 12:00");
        QTest::newRow("working hours") << QStringLiteral("*/30 9-17 * * mon-fri")
                                       << QStringLiteral("At minutes 0, 30 of hours 9–17 on weekdays");
        QTest::newRow("every minute of some hours") << QStringLiteral("* 1,2 * * *") << QStringLiteral("Every minute of hours 1, 2");
        QTest::newRow("minutes of every hour") << QStringLiteral("5,20,50 * * * *") << QStringLiteral("At minutes 5, 20, 50 of every hour");
        QTest::newRow("days and months") << QStringLiteral("0 6 * jun-aug tue,thu")
                                         << QStringLiteral("At 06:00 on Tuesday, Thursday in June–August");
    }

    void describe()
    {
        QFETCH(QString, cron);
        QFETCH(QString, description);
        const auto expression = parseCron(cron);
        QVERIFY(expression.ok());
        QCOMPARE(describeCron(*expression), description);
    }
};

QTEST_GUILESS_MAIN(TestCronDescription)
#include "tst_crondescription.moc"
