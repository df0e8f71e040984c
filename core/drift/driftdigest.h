#pragma once

#include <QHashFunctions>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <array>
#include <optional>

namespace SyncBridge {

// The compact forms that let a drift check hold a million rows and items in a few bytes each
// (docs/drift.md, "Memory"): an identity as its 32 raw bytes, and the fields of a row or an item as
// a 128-bit digest of their canonical values. A digest is a filter, never the verdict: equal digests
// mean equal fields (driftChanges would find nothing), unequal ones send the row to the exact,
// field-by-field comparison.

// A SyncBridgeKey (the SHA-256 of a row's identity, 64 hex digits) as its bytes.
struct IdentityKey {
    std::array<quint64, 4> words{};

    // Empty when `hex` is not 64 hex digits: no row can have that key.
    static std::optional<IdentityKey> fromHex(const QString &hex);
    QString toHex() const;
    friend bool operator==(const IdentityKey &a, const IdentityKey &b) { return a.words == b.words; }
};

inline size_t qHash(const IdentityKey &key, size_t seed = 0) noexcept
{
    return qHashRange(key.words.cbegin(), key.words.cend(), seed);
}

struct FieldsDigest {
    quint64 high = 0;
    quint64 low = 0;
    friend bool operator==(const FieldsDigest &a, const FieldsDigest &b) { return a.high == b.high && a.low == b.low; }
    friend bool operator!=(const FieldsDigest &a, const FieldsDigest &b) { return !(a == b); }
};

// The digest of `fields` as driftChanges compares them: annotations and empty values (null, absent,
// "", []) left out; numbers and numeric text alike ("7" and 7.0); date-times by their UTC instant
// (with or without milliseconds). With `only`, the fields not named there are left out too.
FieldsDigest fieldsDigest(const QJsonObject &fields, const QSet<QString> *only = nullptr);

} // namespace SyncBridge
