// Fuzzing the cron parser and the next-occurrence search. Random strings never crash the parser
// and always give an expression or an error that points into the text. Random valid expressions,
// in zones with and without DST and from instants around their changes, run exactly when a naive
// evaluator says: it steps real time minute by minute, reads each minute's wall time through
// QDateTime::toTimeZone() and applies the DST rule as docs/schedules.md words it — a fixed-time
// expression runs at a wall time the first time the clock reaches it (above the highest wall time
// seen so far), and at the first instant after a gap for the wall times the gap skipped; a
// wall-clock expression (minute or hour starting with '*') runs whenever the clock shows a
// matching minute. Seeds are fixed and printed.
#include "schedule/cronschedule.h"

#include <QRandomGenerator>
#include <QTest>

using namespace SyncBridge;

namespace {

// SYNCBRIDGE_FUZZ_SEED and SYNCBRIDGE_FUZZ_COUNT explore further (the seed is printed to repeat a failure).
const quint32 stringSeed
    = qEnvironmentVariableIsSet("SYNCBRIDGE_FUZZ_SEED") ? quint32(qEnvironmentVariableIntValue("SYNCBRIDGE_FUZZ_SEED")) : 20261202;
const quint32 expressionSeed = qEnvironmentVariableIsSet("SYNCBRIDGE_FUZZ_SEED") ? stringSeed : 15;
constexpr int stringCount = 20000;
const int expressionCount
    = qEnvironmentVariableIsSet("SYNCBRIDGE_FUZZ_COUNT") ? qEnvironmentVariableIntValue("SYNCBRIDGE_FUZZ_COUNT") : 600;
constexpr qint64 windowSeconds = 3 * 86400;

const char *const zones[] = {"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Tokyo", "UTC", "America/Sao_Paulo",
    "America/Santiago", "America/Havana", "Antarctica/Troll"};

QString randomString(QRandomGenerator &random)
{
    static const QString alphabet = QStringLiteral("0123456789*/-,@ \t abcdefghijklmnopqrstuvwxyzMONFRIJANDEC?#LW\u00e9\u4e2d\n");
    static const QStringList valid{QStringLiteral("*/15 9-17 * * mon-fri"), QStringLiteral("0 0 1,15 * *"), QStringLiteral("@daily"),
        QStringLiteral("5/10 1-23/2 */3 jan-jun 0-7")};
    QString text;
    if (random.bounded(3) == 0) { // a valid expression with a few characters changed, added or removed
        text = valid.at(random.bounded(int(valid.size())));
        for (int edits = random.bounded(1, 4); edits > 0; --edits) {
            const int at = random.bounded(int(text.size()) + 1);
            switch (random.bounded(3)) {
            case 0:
                text.insert(at, alphabet.at(random.bounded(int(alphabet.size()))));
                break;
            case 1:
                text.remove(at, 1);
                break;
            default:
                if (at < text.size())
                    text[at] = alphabet.at(random.bounded(int(alphabet.size())));
                break;
            }
        }
        return text;
    }
    for (int length = random.bounded(0, 30); length > 0; --length)
        text += alphabet.at(random.bounded(int(alphabet.size())));
    return text;
}

// One field of a valid expression, in any of the forms cron allows. Values are drawn from near
// the DST changes (hours 0–3) half of the time so the rule gets exercised.
QString randomField(QRandomGenerator &random, int min, int max, bool nearChanges)
{
    const auto value = [&] { return nearChanges && random.bounded(2) == 0 ? random.bounded(0, 4) : random.bounded(min, max + 1); };
    const auto item = [&]() -> QString {
        switch (random.bounded(7)) {
        case 0:
            return QStringLiteral("*");
        case 1:
            return QStringLiteral("*/%1").arg(random.bounded(1, max + 1));
        case 2: {
            const int a = value();
            const int b = random.bounded(a, max + 1);
            return QStringLiteral("%1-%2").arg(a).arg(b);
        }
        case 3: {
            const int a = value();
            return QStringLiteral("%1-%2/%3").arg(a).arg(random.bounded(a, max + 1)).arg(random.bounded(1, max + 1));
        }
        case 4:
            return QStringLiteral("%1/%2").arg(value()).arg(random.bounded(1, max + 1));
        default:
            return QString::number(value());
        }
    };
    QStringList items{item()};
    while (random.bounded(4) == 0)
        items << item();
    // A list that starts with '*' reads as unrestricted; keep the '*' forms alone mostly.
    return items.join(QLatin1Char(','));
}

QString randomExpression(QRandomGenerator &random)
{
    return QStringList{randomField(random, 0, 59, false), randomField(random, 0, 23, true), randomField(random, 1, 31, false),
        random.bounded(3) == 0 ? randomField(random, 1, 12, false) : QStringLiteral("*"), randomField(random, 0, 7, false)}
        .join(QLatin1Char(' '));
}

bool matches(const CronExpression &e, qint64 wall)
{
    const QDateTime at = QDateTime::fromSecsSinceEpoch(wall, Qt::UTC);
    return e.minutes.test(at.time().minute()) && e.hours.test(at.time().hour()) && e.matchesDay(at.date());
}

// The naive evaluator: every run in (after, after + window], stepping real minutes.
QList<qint64> bruteForce(const CronSchedule &schedule, qint64 after)
{
    const CronExpression &e = schedule.expression();
    const auto wallOf = [&](qint64 instant) {
        const QDateTime local = QDateTime::fromSecsSinceEpoch(instant, Qt::UTC).toTimeZone(schedule.zone());
        return QDateTime(local.date(), local.time(), Qt::UTC).toSecsSinceEpoch();
    };
    const qint64 firstMinute = (after / 60 + 1) * 60;
    qint64 highest = std::numeric_limits<qint64>::min();
    for (qint64 u = firstMinute - 6 * 3600; u < firstMinute; u += 60) // what the clock showed before
        highest = qMax(highest, wallOf(u));
    QList<qint64> runs;
    qint64 previous = wallOf(firstMinute - 60);
    for (qint64 u = firstMinute; u <= after + windowSeconds; u += 60) {
        const qint64 wall = wallOf(u);
        bool fires = false;
        if (e.followsWallClock()) {
            fires = matches(e, wall);
        } else {
            fires = wall > highest && matches(e, wall);
            for (qint64 skipped = previous + 60; !fires && skipped < wall && wall - previous > 60; skipped += 60)
                fires = skipped > highest && matches(e, skipped);
        }
        if (fires)
            runs << u;
        highest = qMax(highest, wall);
        previous = wall;
    }
    return runs;
}

QList<qint64> computed(const CronSchedule &schedule, qint64 after)
{
    QList<qint64> runs;
    QDateTime from = QDateTime::fromSecsSinceEpoch(after, Qt::UTC);
    for (;;) {
        const std::optional<QDateTime> run = schedule.next(from);
        if (!run || run->toSecsSinceEpoch() > after + windowSeconds)
            return runs;
        runs << run->toSecsSinceEpoch();
        from = *run;
    }
}

QString listText(const QList<qint64> &instants)
{
    QStringList texts;
    for (const qint64 instant : instants)
        texts << QDateTime::fromSecsSinceEpoch(instant, Qt::UTC).toString(Qt::ISODate);
    return texts.join(QStringLiteral(", "));
}

} // namespace

class TestCronFuzz : public QObject
{
    Q_OBJECT

private slots:
    void randomStringsGiveAnExpressionOrAnError()
    {
        qInfo("seed %u, %d strings", stringSeed, stringCount);
        QRandomGenerator random(stringSeed);
        const QDateTime after = QDateTime::fromSecsSinceEpoch(1790000000, Qt::UTC);
        int parsed = 0;
        for (int i = 0; i < stringCount; ++i) {
            const QString text = randomString(random);
            const auto expression = parseCron(text);
            const std::optional<CronSyntaxError> error = cronSyntaxError(text);
            QCOMPARE(expression.ok(), !error.has_value());
            if (expression.ok()) {
                ++parsed;
                const std::optional<QDateTime> run = CronSchedule(*expression, QTimeZone("Europe/Berlin")).next(after);
                QVERIFY2(!run || *run > after, qPrintable(text));
                continue;
            }
            QVERIFY2(!expression.error().message().isEmpty(), qPrintable(text));
            QCOMPARE(expression.error().message(), error->message());
            QVERIFY2(error->position >= 1 && error->position <= text.size() + 1, qPrintable(text));
            QVERIFY2(error->length >= 1, qPrintable(text));
        }
        qInfo("%d of %d parsed", parsed, stringCount);
        QVERIFY(parsed > 0 && parsed < stringCount); // both paths were taken
    }

    void randomExpressionsAgreeWithMinuteByMinute()
    {
        qInfo("seed %u, %d expressions, %lld days each", expressionSeed, expressionCount, windowSeconds / 86400);
        QRandomGenerator random(expressionSeed);
        int runs = 0;
        int aroundChanges = 0;
        for (int i = 0; i < expressionCount; ++i) {
            const QString cron = randomExpression(random);
            const QString zoneName = QLatin1String(zones[random.bounded(int(std::size(zones)))]);
            const auto schedule = CronSchedule::parse(cron, zoneName);
            QVERIFY2(schedule.ok(), qPrintable(cron));
            // Half the windows start up to two days before one of the zone's changes in 2025–2030.
            const QDateTime from = QDateTime::fromSecsSinceEpoch(1735689600, Qt::UTC); // 2025-01-01
            const QDateTime to = from.addYears(6);
            const QTimeZone::OffsetDataList changes = schedule->zone().transitions(from, to);
            qint64 after = 0;
            if (!changes.isEmpty() && random.bounded(2) == 0) {
                after = changes.at(random.bounded(int(changes.size()))).atUtc.toSecsSinceEpoch() - random.bounded(0, 2 * 86400);
                ++aroundChanges;
            } else {
                after = from.toSecsSinceEpoch() + qint64(random.bounded(0, 6 * 365)) * 86400 + random.bounded(0, 86400);
            }
            if (random.bounded(2) == 0)
                after -= after % 60; // on a minute, as an agent's last run is
            const QList<qint64> expected = bruteForce(*schedule, after);
            const QList<qint64> actual = computed(*schedule, after);
            QVERIFY2(actual == expected,
                qPrintable(QStringLiteral("%1 in %2 after %3:\n expected %4\n computed %5")
                               .arg(cron, zoneName, QDateTime::fromSecsSinceEpoch(after, Qt::UTC).toString(Qt::ISODate), listText(expected),
                                   listText(actual))));
            runs += int(actual.size());
        }
        qInfo("%d runs compared, %d windows around DST changes", runs, aroundChanges);
        QVERIFY(runs > 0);
    }
};

QTEST_GUILESS_MAIN(TestCronFuzz)
#include "tst_cronfuzz.moc"
