#pragma once

// What the two-way suites share: a table and a list (id, name, email, score, active) synced by a
// TWO_WAY definition, a run with the Graph writes the emulator counted, each side as "key → values",
// edits as a person would make them, and the check that both sides agree and the next run writes nothing.
#include "clirun.h"
#include "pulltestbase.h"

#include "sync/twoway/twowayrun.h"

namespace SyncBridge::Test {

inline const QString adele = QStringLiteral("AdeleV@contoso.onmicrosoft.com");
inline const QString alex = QStringLiteral("AlexW@contoso.onmicrosoft.com");

class TwoWayTestBase : public PullTestBase
{
protected:
    struct Outcome {
        RunOutcome run;
        TwoWayCounts counts;
        qint64 graphWrites = 0; // $batch and item writes the emulator received during the run
    };

    // A table `name` (id, name, email, score, active, updated_at) and a list `name` with the same
    // fields, synced by a TWO_WAY definition `name` under `policy` and `deletePolicy`.
    QString setUp(
        const QString &name, const QString &policy, const QString &rows = {}, const QString &deletePolicy = QStringLiteral("DELETE"))
    {
        sql(QStringLiteral("CREATE TABLE \"%1\" (id int PRIMARY KEY, name text, email text, score int, active bool,"
                           " updated_at timestamptz NOT NULL DEFAULT now())")
                .arg(name));
        if (!rows.isEmpty())
            sql(QStringLiteral("INSERT INTO \"%1\" (id, name, email, score, active) VALUES %2").arg(name, rows));
        const QString list = m_emulator.createList(name,
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("RowKey")}, {QStringLiteral("number"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("PersonName")}, {QStringLiteral("text"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Email")}, {QStringLiteral("text"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Score")}, {QStringLiteral("number"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Active")}, {QStringLiteral("boolean"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("SyncBridgeKey")}, {QStringLiteral("text"), QJsonObject{}}}});
        QJsonObject definition = syncDefinitionJson(name, QStringLiteral("TWO_WAY"), name, name,
            QJsonArray{pullMapping(QStringLiteral("id"), QStringLiteral("RowKey"), QStringLiteral("BIDIRECTIONAL"), true),
                pullMapping(QStringLiteral("name"), QStringLiteral("PersonName"), QStringLiteral("BIDIRECTIONAL")),
                pullMapping(QStringLiteral("email"), QStringLiteral("Email"), QStringLiteral("BIDIRECTIONAL")),
                pullMapping(QStringLiteral("score"), QStringLiteral("Score"), QStringLiteral("BIDIRECTIONAL")),
                pullMapping(QStringLiteral("active"), QStringLiteral("Active"), QStringLiteral("BIDIRECTIONAL"))},
            deletePolicy);
        definition.insert(QStringLiteral("conflictPolicy"), policy);
        importDefinitionsJson({definition});
        return list;
    }

    qint64 graphWrites()
    {
        const QJsonObject kinds
            = m_emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("requestsByKind")).toObject();
        qint64 writes = 0;
        for (const char *kind : {"batch", "items.create", "items.update", "items.delete"})
            writes += kinds.value(QLatin1String(kind)).toInteger();
        return writes;
    }

    Outcome twoWay(const QString &definition, bool approveDeletes = true, RunOptions options = pushOptions(500))
    {
        const qint64 writesBefore = graphWrites();
        TwoWayRun run(
            m_store, m_secrets, [this](const SharePointConnection &) { return m_governor; }, definitionId(definition), options);
        run.setMassDeleteApproval([approveDeletes](const MassDeleteCheck &) { return approveDeletes; });
        Outcome outcome;
        outcome.run = await<RunOutcome>([&](auto done) {
            QObject::connect(&run, &TwoWayRun::finished, &run, [done](const RunOutcome &result) { done(result); });
            run.start();
        });
        outcome.counts = run.counts();
        outcome.graphWrites = graphWrites() - writesBefore;
        return outcome;
    }

    // Each side as "key → name|email|score|active" (∅: no value).
    QMap<QString, QString> databaseSide(const QString &table)
    {
        QMap<QString, QString> rows;
        const QString all = sql(QStringLiteral("SELECT coalesce(string_agg(id || '=' || coalesce(name, '∅') || '|' || coalesce(email, '∅')"
                                               " || '|' || coalesce(score::text, '∅') || '|' || coalesce(active::text, '∅'), E'\\n'),"
                                               " '') FROM \"%1\"")
                                    .arg(table));
        for (const QString &line : all.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            rows.insert(line.section(QLatin1Char('='), 0, 0), line.section(QLatin1Char('='), 1));
        return rows;
    }

    QJsonArray items(const QString &list)
    {
        return m_emulator.admin("GET", QStringLiteral("/lists/%1/items").arg(list)).json().value(QStringLiteral("items")).toArray();
    }

    QMap<QString, QString> sharePointSide(const QString &list)
    {
        QMap<QString, QString> rows;
        const auto text = [](const QJsonValue &value) {
            if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty()))
                return QStringLiteral("∅");
            if (value.isBool())
                return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            if (value.isDouble())
                return QString::number(value.toInteger());
            return value.toString();
        };
        for (const QJsonValue &item : items(list)) {
            const QJsonObject fields = item.toObject().value(QStringLiteral("fields")).toObject();
            const QString key = text(fields.value(QStringLiteral("RowKey")));
            // Two items of one key are a duplicate: kept apart, so no comparison with the table can pass.
            rows.insert(rows.contains(key) ? key + QStringLiteral(" (twice)") : key,
                QStringList{text(fields.value(QStringLiteral("PersonName"))), text(fields.value(QStringLiteral("Email"))),
                    text(fields.value(QStringLiteral("Score"))), text(fields.value(QStringLiteral("Active")))}
                    .join(QLatin1Char('|')));
        }
        return rows;
    }

    // How many items carry each SyncBridgeKey: a key with two is a twin.
    QHash<QString, int> itemsPerKey(const QString &list)
    {
        QHash<QString, int> perKey;
        for (const QJsonValue &item : items(list))
            ++perKey[item.toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("SyncBridgeKey")).toString()];
        return perKey;
    }

    QString itemOfKey(const QString &list, int key)
    {
        for (const QJsonValue &item : items(list)) {
            if (item.toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("RowKey")).toInteger() == key)
                return item.toObject().value(QStringLiteral("id")).toString();
        }
        return {};
    }

    int personEdit(const QString &list, const QString &item, const QJsonObject &fields, const QString &user = adele)
    {
        return m_emulator
            .admin("PATCH", QStringLiteral("/lists/%1/items/%2").arg(list, item),
                QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("fields"), fields}})
            .status;
    }
    QString personCreate(const QString &list, const QJsonObject &fields, const QString &user = adele)
    {
        return m_emulator
            .admin("POST", QStringLiteral("/lists/%1/items").arg(list),
                QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("fields"), fields}})
            .json()
            .value(QStringLiteral("id"))
            .toString();
    }
    int personDelete(const QString &list, const QString &item)
    {
        return m_emulator.admin("DELETE", QStringLiteral("/lists/%1/items/%2").arg(list, item), QJsonObject{{QStringLiteral("user"), alex}})
            .status;
    }

    // Both sides hold the same rows, and a run now writes nothing to either.
    void verifyConverged(const QString &name, const QString &list)
    {
        const auto database = databaseSide(name);
        const auto sharePoint = sharePointSide(list);
        if (database != sharePoint) {
            for (auto it = database.cbegin(); it != database.cend(); ++it) {
                if (sharePoint.value(it.key()) != it.value())
                    qWarning().noquote() << "row" << it.key() << "database:" << it.value() << "sharepoint:" << sharePoint.value(it.key());
            }
            for (auto it = sharePoint.cbegin(); it != sharePoint.cend(); ++it) {
                if (!database.contains(it.key()))
                    qWarning().noquote() << "item only in sharepoint:" << it.key() << it.value();
            }
        }
        QCOMPARE(database, sharePoint);
        const Outcome again = twoWay(name);
        QVERIFY2(again.run.status == RunStatus::Succeeded, qPrintable(described(again.run)));
        QCOMPARE(again.counts.databaseWrites(), 0);
        QCOMPARE(again.counts.sharePointWrites(), 0);
        QCOMPARE(again.graphWrites, 0);
    }

    CliRun cli(const QStringList &arguments)
    {
        QProcess process;
        startCliCommand(process, arguments, cliEnvironment());
        CliRun run;
        if (!process.waitForFinished(120000))
            return run;
        run.exitCode = process.exitCode();
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }
};

} // namespace SyncBridge::Test
