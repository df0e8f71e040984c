#include "graph/graphresponse.h"
#include "graph/retryafter.h"

#include <QTest>

using namespace SyncBridge;

class TestRetryAfter : public QObject
{
    Q_OBJECT

private slots:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("integer") << QByteArray("10") << qint64(10000);
        QTest::newRow("fraction rounds up") << QByteArray("2.128") << qint64(2128);
        QTest::newRow("small fraction") << QByteArray("0.0001") << qint64(1);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray(" 5 ") << qint64(5000);
        QTest::newRow("http date") << QByteArray("Sun, 22 Nov 2026 12:00:31 GMT") << qint64(31000);
        QTest::newRow("date in the past") << QByteArray("Sun, 22 Nov 2026 11:00:00 GMT") << qint64(0);
    }

    void parses()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expectedMs);
        const QDateTime now(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC);
        const auto parsed = parseRetryAfter(value, now);
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, expectedMs);
    }

    void rejectsGarbage()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(!parseRetryAfter("", now));
        QVERIFY(!parseRetryAfter("soon", now));
        QVERIFY(!parseRetryAfter("-3", now));
    }

    void theGreaterWaitWins()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(*requestedWaitMs("9", "31", now), 31000);   // contract §10.2: honour the greater
        QCOMPARE(*requestedWaitMs("31", "9", now), 31000);
        QCOMPARE(*requestedWaitMs("", "4", now), 4000);
        QVERIFY(!requestedWaitMs("", "", now));
        const RateLimitHeaders headers = parseRateLimit("1200", "120", "5");
        QCOMPARE(*headers.limit, 1200);
        QCOMPARE(*headers.remaining, 120);
        QCOMPARE(*headers.resetMs, 5000);
    }

    void classification_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("networkError");
        QTest::addColumn<GraphErrorClass>("expected");
        QTest::newRow("200") << 200 << 0 << GraphErrorClass::None;
        QTest::newRow("204") << 204 << 0 << GraphErrorClass::None;
        for (int status : {429, 500, 502, 503, 504})
            QTest::newRow(qPrintable(QString::number(status))) << status << 0 << GraphErrorClass::Transient;
        for (int status : {400, 409, 412, 413})
            QTest::newRow(qPrintable(QString::number(status))) << status << 0 << GraphErrorClass::Item;
        for (int status : {401, 403, 404, 410})
            QTest::newRow(qPrintable(QString::number(status))) << status << 0 << GraphErrorClass::Fatal;
        QTest::newRow("network") << 0 << int(QNetworkReply::RemoteHostClosedError) << GraphErrorClass::Transient;
        QTest::newRow("timeout") << 0 << int(QNetworkReply::OperationCanceledError) << GraphErrorClass::Transient;
        QTest::newRow("tls") << 0 << int(QNetworkReply::SslHandshakeFailedError) << GraphErrorClass::Fatal;
    }

    void classification()
    {
        QFETCH(int, status);
        QFETCH(int, networkError);
        QFETCH(GraphErrorClass, expected);
        QCOMPARE(classifyGraphFailure(status, QNetworkReply::NetworkError(networkError)), expected);
    }

    void messagesNameTheSubject()
    {
        GraphResponse gone;
        gone.status = 404;
        gone.errorCode = QStringLiteral("itemNotFound");
        gone.errorMessage = QStringLiteral("The specified list was not found");
        gone.requestId = QStringLiteral("abc");
        const Error error = describeGraphFailure(gone, QStringLiteral("The list 'Projects'"));
        QCOMPARE(error.message(), QStringLiteral("The list 'Projects' was not found: it was deleted or renamed in SharePoint."));
        QVERIFY(error.detail().contains(QStringLiteral("request-id abc")));
        GraphResponse denied;
        denied.status = 401;
        QVERIFY(describeGraphFailure(denied, {}).message().contains(QStringLiteral("client secret")));
    }
};

QTEST_GUILESS_MAIN(TestRetryAfter)
#include "tst_retryafter.moc"
