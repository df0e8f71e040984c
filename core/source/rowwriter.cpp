#include "source/rowwriter.h"

#include "source/pgsession.h"
#include "source/quotedidentifier.h"

#include <QCoreApplication>

#include <pqxx/pqxx>

#include <deque>

namespace SyncBridge {
namespace {

// Text parameters, NULL as a null pointer (libpqxx 6 binds a null `const char *` as SQL NULL).
class Parameters
{
public:
    QString add(const std::optional<QString> &value, const QString &cast)
    {
        if (value) {
            m_storage.push_back(value->toStdString());
            m_pointers.push_back(m_storage.back().c_str());
        } else {
            m_pointers.push_back(nullptr);
        }
        return QStringLiteral("$%1::%2").arg(m_pointers.size()).arg(cast);
    }
    pqxx::result exec(pqxx::transaction_base &tx, const QString &sql) const
    {
        return tx.exec_params(sql.toStdString(), pqxx::prepare::make_dynamic_params(m_pointers));
    }

private:
    std::deque<std::string> m_storage; // stable addresses for the pointers
    std::vector<const char *> m_pointers;
};

class Statements
{
public:
    explicit Statements(const RowWriteTable &table)
        : m_table(table)
    {
        for (const ColumnInfo &column : table.columns)
            m_types.insert(column.name, column.dataType);
        m_name = quotedIdentifier(table.schema) + QLatin1Char('.') + quotedIdentifier(table.table);
    }

    QString keyCondition(const QStringList &keyValues, Parameters &parameters) const
    {
        QStringList parts;
        for (int i = 0; i < m_table.keyColumns.size(); ++i) {
            const QString &key = m_table.keyColumns.at(i);
            parts << quotedIdentifier(key) + QStringLiteral(" = ") + parameters.add(keyValues.value(i), m_types.value(key));
        }
        return parts.join(QStringLiteral(" AND "));
    }

    QString returningKey() const
    {
        QStringList keys;
        for (const QString &key : m_table.keyColumns)
            keys << quotedIdentifier(key) + QStringLiteral("::text");
        return QStringLiteral(" RETURNING ") + keys.join(QStringLiteral(", "));
    }

    // UPDATE of the non-key columns; nothing to set still tells whether the row is there.
    pqxx::result update(pqxx::transaction_base &tx, const RowWrite &write) const
    {
        Parameters parameters;
        QStringList sets;
        for (auto it = write.values.constBegin(); it != write.values.constEnd(); ++it) {
            if (!m_table.keyColumns.contains(it.key()))
                sets << quotedIdentifier(it.key()) + QStringLiteral(" = ") + parameters.add(it.value(), m_types.value(it.key()));
        }
        if (sets.isEmpty()) {
            const QString where = keyCondition(write.keyValues, parameters);
            return parameters.exec(tx, QStringLiteral("SELECT 1 FROM %1 WHERE %2").arg(m_name, where));
        }
        const QString assignments = sets.join(QStringLiteral(", "));
        const QString where = keyCondition(write.keyValues, parameters);
        return parameters.exec(tx, QStringLiteral("UPDATE %1 SET %2 WHERE %3").arg(m_name, assignments, where));
    }

    pqxx::result insert(pqxx::transaction_base &tx, const RowWrite &write, bool withKey) const
    {
        Parameters parameters;
        QStringList names, placeholders;
        bool overriding = false;
        if (withKey) {
            for (int i = 0; i < m_table.keyColumns.size(); ++i) {
                const QString &key = m_table.keyColumns.at(i);
                names << quotedIdentifier(key);
                placeholders << parameters.add(write.keyValues.value(i), m_types.value(key));
                const ColumnInfo *column = columnNamed(key);
                overriding = overriding || (column && column->identity);
            }
        }
        for (auto it = write.values.constBegin(); it != write.values.constEnd(); ++it) {
            if (withKey && m_table.keyColumns.contains(it.key()))
                continue;
            names << quotedIdentifier(it.key());
            placeholders << parameters.add(it.value(), m_types.value(it.key()));
        }
        // A key the row had before (its ledger names it) goes back even into an identity column.
        const QString sql = names.isEmpty()
            ? QStringLiteral("INSERT INTO %1 DEFAULT VALUES").arg(m_name)
            : QStringLiteral("INSERT INTO %1 (%2)%3 VALUES (%4)")
                  .arg(m_name, names.join(QStringLiteral(", ")), overriding ? QStringLiteral(" OVERRIDING SYSTEM VALUE") : QString(),
                      placeholders.join(QStringLiteral(", ")));
        return parameters.exec(tx, sql + returningKey());
    }

    // The non-key columns the write would change, with the row's values now; no row: not compared.
    void compare(pqxx::transaction_base &tx, const RowWrite &write, RowWriteResult &outcome) const
    {
        Parameters parameters;
        QStringList columns, selected;
        for (auto it = write.values.constBegin(); it != write.values.constEnd(); ++it) {
            if (m_table.keyColumns.contains(it.key()))
                continue;
            const QString column = quotedIdentifier(it.key());
            columns << it.key();
            selected << column + QStringLiteral("::text")
                     << column + QStringLiteral(" IS DISTINCT FROM ") + parameters.add(it.value(), m_types.value(it.key()));
        }
        const QString where = keyCondition(write.keyValues, parameters);
        const pqxx::result row = parameters.exec(tx,
            QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                .arg(selected.isEmpty() ? QStringLiteral("1") : selected.join(QStringLiteral(", ")), m_name, where));
        if (row.empty())
            return;
        outcome.compared = true;
        for (int i = 0; i < columns.size(); ++i) {
            const auto before = row[0][2 * i];
            if (row[0][2 * i + 1].as<bool>())
                outcome.changedFrom.insert(
                    columns.at(i), before.is_null() ? std::nullopt : std::optional(QString::fromUtf8(before.c_str())));
        }
    }

    pqxx::result remove(pqxx::transaction_base &tx, const RowWrite &write) const
    {
        Parameters parameters;
        const QString where = keyCondition(write.keyValues, parameters);
        return parameters.exec(tx, QStringLiteral("DELETE FROM %1 WHERE %2").arg(m_name, where));
    }

private:
    const ColumnInfo *columnNamed(const QString &name) const
    {
        for (const ColumnInfo &column : m_table.columns) {
            if (column.name == name)
                return &column;
        }
        return nullptr;
    }

    const RowWriteTable &m_table;
    QHash<QString, QString> m_types;
    QString m_name;
};

QStringList keyOf(const pqxx::result &result)
{
    QStringList key;
    if (result.empty())
        return key;
    for (const auto &field : result[0])
        key << QString::fromUtf8(field.c_str());
    return key;
}

RowWriteResult applyOne(pqxx::transaction_base &tx, const Statements &statements, const RowWrite &write)
{
    RowWriteResult outcome;
    outcome.keyValues = write.keyValues;
    switch (write.kind) {
    case RowWrite::Kind::Delete:
        outcome.changed = statements.remove(tx, write).affected_rows() > 0;
        break;
    case RowWrite::Kind::Insert:
        outcome.keyValues = keyOf(statements.insert(tx, write, false));
        outcome.changed = outcome.inserted = true;
        break;
    case RowWrite::Kind::Update: {
        const pqxx::result updated = statements.update(tx, write);
        outcome.changed = updated.affected_rows() > 0 || !updated.empty();
        outcome.gone = !outcome.changed;
        break;
    }
    case RowWrite::Kind::Upsert: {
        const pqxx::result updated = statements.update(tx, write);
        if (updated.affected_rows() > 0 || !updated.empty()) {
            outcome.changed = true;
            break;
        }
        statements.insert(tx, write, true);
        outcome.changed = outcome.inserted = true;
        break;
    }
    }
    return outcome;
}

} // namespace

Result<QList<RowWriteResult>> applyRowWrites(pqxx::connection &connection, const RowWriteTable &table, const QList<RowWrite> &writes,
    const BeforeRowCommit &beforeCommit, RowWriteEnd end)
{
    const QString what = QCoreApplication::translate("SyncBridge::Source", "writing rows into %1.%2").arg(table.schema, table.table);
    try {
        pqxx::work tx(connection);
        tx.exec("SET LOCAL TIME ZONE 'UTC'"); // values arrive in UTC, keys go back as the reader reads them
        tx.exec("SET LOCAL DateStyle = 'ISO, YMD'");
        tx.exec("SET LOCAL extra_float_digits = 3");
        if (end == RowWriteEnd::RollBack) // a deferred foreign key would otherwise be judged only at a commit that never comes
            tx.exec("SET CONSTRAINTS ALL IMMEDIATE");
        const Statements statements(table);
        QList<RowWriteResult> results;
        for (const RowWrite &write : writes) {
            // A savepoint per row, set by hand: libpqxx 6's subtransaction leaves the outer
            // transaction aborted after a failed statement.
            tx.exec("SAVEPOINT syncbridge_row");
            try {
                RowWriteResult compared;
                if (end == RowWriteEnd::RollBack && (write.kind == RowWrite::Kind::Update || write.kind == RowWrite::Kind::Upsert))
                    statements.compare(tx, write, compared);
                RowWriteResult outcome = applyOne(tx, statements, write);
                outcome.compared = compared.compared && !outcome.inserted;
                outcome.changedFrom = compared.changedFrom;
                tx.exec("RELEASE SAVEPOINT syncbridge_row");
                results << outcome;
            } catch (const pqxx::sql_error &refused) {
                const std::string state = refused.sqlstate();
                if (state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0)
                    throw; // the connection, not the row
                tx.exec("ROLLBACK TO SAVEPOINT syncbridge_row");
                RowWriteResult outcome;
                outcome.ok = false;
                outcome.keyValues = write.keyValues;
                // The first line is the database's message (after its "ERROR:" severity); the SQL statement after it is ours.
                outcome.error = QString::fromUtf8(refused.what()).section(QLatin1Char('\n'), 0, 0).trimmed();
                if (outcome.error.startsWith(QLatin1String("ERROR:")))
                    outcome.error = outcome.error.mid(6).trimmed();
                results << outcome;
            }
        }
        if (beforeCommit) {
            if (Result<void> recorded = beforeCommit(results); !recorded)
                return recorded.error(); // the transaction rolls back as it goes out of scope
        }
        if (end == RowWriteEnd::RollBack) {
            tx.abort();
            return results;
        }
        tx.commit();
        return results;
    } catch (const std::exception &failure) {
        return sourceQueryError(failure, what);
    }
}

} // namespace SyncBridge
