#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace SyncBridge {

// A source row's identity: its key columns and their values in key order, as readable text
// ("id=42", "project_id=7|employee_email=ana@example.com") and as the SHA-256 hex of that text —
// the ledger key and the item's SyncBridgeKey. Neither depends on which instance served the row,
// so failover and relocation keep identities stable.
struct RowIdentity {
    QString text;
    QString hash;
};

// `salt` (the definition's key salt) goes into the hash only: the text stays the key values.
RowIdentity rowIdentity(const QStringList &keyColumns, const QStringList &keyValues, const QString &salt = {});
// The key values back from an identity text (for retries, which re-read rows by key).
QStringList keyValuesFromIdentity(const QString &identityText);
// The key columns an identity text was built from (a ledger made under other key columns is re-keyed).
QStringList keyColumnsFromIdentity(const QString &identityText);

// The canonical form of mapped fields (keys sorted, numbers in shortest round-trip form, UTF-8) and
// its SHA-256 hex: the content hash both directions compare to tell changes from echoes.
QByteArray canonicalForm(const QJsonObject &fields);
QString contentHash(const QJsonObject &fields);

} // namespace SyncBridge
