// Sharding conditions: the text form, its errors with positions, the JSON form, and evaluation.
#include "sync/condition.h"

#include <QTest>

using namespace SyncBridge;

namespace {

QHash<QString, QJsonValue> project(const char *status, double budget, QJsonValue manager = QJsonValue(QJsonValue::Null), QJsonArray tags = {})
{
    return {{QStringLiteral("status"), QLatin1String(status)}, {QStringLiteral("budget_amount"), budget},
            {QStringLiteral("manager_email"), manager}, {QStringLiteral("tags"), tags}};
}

} // namespace

class TestCondition : public QObject
{
    Q_OBJECT

private slots:
    void evaluates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("activeBig");     // Active, 2,000,000, managed by ana, tags [infra]
        QTest::addColumn<bool>("plannedSmall");  // Planned, 500, no manager, no tags
        QTest::newRow("seed example") << QStringLiteral("status == 'Active' and budget_amount >= 1000000") << true << false;
        QTest::newRow("or") << QStringLiteral("status == 'Planned' or budget_amount > 1e6") << true << true;
        QTest::newRow("not") << QStringLiteral("not status == 'Active'") << false << true;
        QTest::newRow("parentheses") << QStringLiteral("(status == 'Active' or status == 'Planned') and budget_amount < 1000") << false << true;
        QTest::newRow("in") << QStringLiteral("status in ('On Hold', 'Planned')") << false << true;
        QTest::newRow("contains text") << QStringLiteral("manager_email contains '@example'") << true << false;
        QTest::newRow("contains array") << QStringLiteral("tags contains 'infra'") << true << false;
        QTest::newRow("starts with") << QStringLiteral("status starts with 'Act'") << true << false;
        QTest::newRow("is null") << QStringLiteral("manager_email is null") << false << true;
        QTest::newRow("is not null") << QStringLiteral("manager_email is not null") << true << false;
        QTest::newRow("!=") << QStringLiteral("status != 'Active'") << false << true;
        QTest::newRow("keywords any case") << QStringLiteral("STATUS == 'Active' AND NOT budget_amount < 10") << false << false;
        QTest::newRow("quoted column") << QStringLiteral("\"status\" == 'Planned'") << false << true;
        QTest::newRow("null never equals") << QStringLiteral("manager_email == 'x' or manager_email != 'x'") << true << false;
    }

    void evaluates()
    {
        QFETCH(QString, text);
        QFETCH(bool, activeBig);
        QFETCH(bool, plannedSmall);
        auto condition = parseCondition(text);
        QVERIFY2(condition.ok(), condition.ok() ? "" : qPrintable(condition.error().message()));
        QCOMPARE(evaluate(*condition, project("Active", 2000000, QStringLiteral("ana@example.com"), QJsonArray{QStringLiteral("infra")})), activeBig);
        QCOMPARE(evaluate(*condition, project("Planned", 500)), plannedSmall);
        // the JSON form and the text form are the same tree
        auto fromJson = conditionFromJson(conditionToJson(*condition));
        QVERIFY(fromJson.ok());
        QCOMPARE(conditionToJson(*fromJson), conditionToJson(*condition));
        auto reparsed = parseCondition(conditionToText(*condition));
        QVERIFY2(reparsed.ok(), qPrintable(conditionToText(*condition)));
        QCOMPARE(conditionToJson(*reparsed), conditionToJson(*condition));
    }

    void errorsPointAtThePosition_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("no value") << QStringLiteral("status == ") << QStringLiteral("at 11: expected a value");
        QTest::newRow("bad operator") << QStringLiteral("status = 'Active'") << QStringLiteral("at 8: expected an operator");
        QTest::newRow("unclosed") << QStringLiteral("(status == 'A'") << QStringLiteral("expected ')'");
        QTest::newRow("unterminated") << QStringLiteral("status == 'Active") << QStringLiteral("unterminated text value");
        QTest::newRow("trailing") << QStringLiteral("status == 'A' 'B'") << QStringLiteral("at 15: unexpected ''B''");
        QTest::newRow("is what") << QStringLiteral("status is empty") << QStringLiteral("expected 'null' after 'is'");
        QTest::newRow("empty") << QStringLiteral("  ") << QStringLiteral("empty");
        QTest::newRow("starts") << QStringLiteral("status starts 'A'") << QStringLiteral("expected 'with'");
    }

    void errorsPointAtThePosition()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto condition = parseCondition(text);
        QVERIFY(!condition.ok());
        QVERIFY2(condition.error().message().contains(message), qPrintable(condition.error().message()));
    }

    void jsonTreeForm()
    {
        const QJsonObject tree{{QStringLiteral("and"), QJsonArray{
            QJsonObject{{QStringLiteral("column"), QStringLiteral("status")}, {QStringLiteral("op"), QStringLiteral("==")}, {QStringLiteral("value"), QStringLiteral("Active")}},
            QJsonObject{{QStringLiteral("not"), QJsonObject{{QStringLiteral("column"), QStringLiteral("manager_email")}, {QStringLiteral("op"), QStringLiteral("is null")}}}}}}};
        auto condition = conditionFromJson(tree);
        QVERIFY(condition.ok());
        QCOMPARE(conditionToText(*condition), QStringLiteral("status == 'Active' and manager_email is not null"));
        QCOMPARE(condition->columns(), (QStringList{QStringLiteral("status"), QStringLiteral("manager_email")}));
        QVERIFY(!conditionFromJson(QJsonObject{{QStringLiteral("column"), QStringLiteral("x")}, {QStringLiteral("op"), QStringLiteral("~=")}}).ok());
        QVERIFY(!conditionFromJson(QJsonObject{{QStringLiteral("and"), QJsonArray{}}}).ok());
    }
};

QTEST_GUILESS_MAIN(TestCondition)
#include "tst_condition.moc"
