#include "store/agreedstaterepository.h"

#include "store/metastore.h"
#include "store/sql.h"

#include <QJsonDocument>

namespace SyncBridge {

Result<QHash<QString, AgreedState>> AgreedStateRepository::all(qint64 definitionId) const
{
    auto query = execute(m_store.connection(),
        QStringLiteral("SELECT identity_hash, agreed_values, provenance FROM sync_agreed WHERE definition_id = ?"), {definitionId});
    if (!query)
        return query.error();
    QHash<QString, AgreedState> states;
    while (query->next()) {
        AgreedState state;
        state.identityHash = query->value(0).toString();
        state.values = QJsonDocument::fromJson(query->value(1).toString().toUtf8()).object();
        state.provenance = query->value(2).toString();
        states.insert(state.identityHash, state);
    }
    return states;
}

Result<void> AgreedStateRepository::save(qint64 definitionId, const QList<AgreedState> &states)
{
    for (const AgreedState &state : states) {
        auto saved = execute(m_store.connection(),
            QStringLiteral("INSERT INTO sync_agreed (definition_id, identity_hash, agreed_values, provenance) VALUES (?, ?, ?, ?)"
                           " ON CONFLICT (definition_id, identity_hash) DO UPDATE SET agreed_values = excluded.agreed_values,"
                           " provenance = excluded.provenance"),
            {definitionId, state.identityHash, QString::fromUtf8(QJsonDocument(state.values).toJson(QJsonDocument::Compact)),
                state.provenance});
        if (!saved)
            return saved.error();
    }
    return success();
}

Result<void> AgreedStateRepository::remove(qint64 definitionId, const QStringList &identityHashes)
{
    for (const QString &hash : identityHashes) {
        auto removed = execute(m_store.connection(),
            QStringLiteral("DELETE FROM sync_agreed WHERE definition_id = ? AND identity_hash = ?"), {definitionId, hash});
        if (!removed)
            return removed.error();
    }
    return success();
}

} // namespace SyncBridge
