#pragma once

// What the CDC suites share (tst_cdcengine, tst_cdcstream): the demo push as a CDC definition,
// rows inserted into the demo table, an item found by its title, the slot's positions.
#include "pulltestbase.h"

namespace SyncBridge::Test {

class CdcTestBase : public PullTestBase
{
protected:
    QJsonObject cdcDefinition(const QString &name = QStringLiteral("Cdc"), const QString &prefix = QStringLiteral("C "))
    {
        QJsonObject definition = definitionJson(name, prefix);
        definition.insert(QStringLiteral("mode"), QStringLiteral("CDC"));
        return definition;
    }

    int count(const QString &statement) { return sql(statement).trimmed().toInt(); }

    // Projects CDC-<from> to CDC-<to> in one transaction, spread over the demo lists.
    void insertProjects(int from, int to)
    {
        sql(QStringLiteral(
            "INSERT INTO projects (project_code, name, status, budget_amount) SELECT 'CDC-' || i, 'cdc ' || i,"
            " (ARRAY['Active','Planned','Completed'])[1 + i % 3]::project_status, (i % 7) * 1000000 FROM generate_series(%1, %2) i")
                .arg(from)
                .arg(to));
    }

    QJsonObject itemOf(const QString &prefix, const QString &title)
    {
        for (const QJsonArray &items : listContents(prefix)) {
            for (const QJsonValue &item : items) {
                const QJsonObject fields = item.toObject().value(QStringLiteral("fields")).toObject();
                if (fields.value(QStringLiteral("Title")).toString() == title)
                    return fields;
            }
        }
        return {};
    }

    // The definition's slot: is a run streaming from it, and is `lsn` at or before its confirmed position.
    QString slotOf(const QString &definition) { return QStringLiteral("syncbridge_cdc_%1").arg(idOf(definition)); }
    bool slotActive(const QString &definition)
    {
        return sql(QStringLiteral("SELECT active FROM pg_replication_slots WHERE slot_name = '%1'").arg(slotOf(definition))).trimmed()
            == QLatin1String("t");
    }
    bool slotConfirmedPast(const QString &definition, const QString &lsn)
    {
        return sql(QStringLiteral("SELECT confirmed_flush_lsn >= '%1'::pg_lsn FROM pg_replication_slots WHERE slot_name = '%2'")
                       .arg(lsn, slotOf(definition)))
                   .trimmed()
            == QLatin1String("t");
    }
    // The LSN cursor the definition's last delivered batch saved.
    QString savedPosition(const QString &definition)
    {
        const auto cursor = LedgerRepository(*m_store).cursor(idOf(definition), QStringLiteral("cdc"));
        return cursor && cursor->has_value() ? (*cursor)->position : QString();
    }
};

} // namespace SyncBridge::Test
