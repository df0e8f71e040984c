#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace SyncBridge {

// A position in PostgreSQL's write-ahead log: what a CDC cursor stores and a slot confirms.
// PostgreSQL writes it as two hex halves, "16/B374D848".
struct Lsn {
    quint64 value = 0;

    bool isValid() const { return value != 0; }
    QString toString() const;
    static std::optional<Lsn> parse(const QString &text);

    friend bool operator==(Lsn a, Lsn b) { return a.value == b.value; }
    friend bool operator!=(Lsn a, Lsn b) { return a.value != b.value; }
    friend bool operator<(Lsn a, Lsn b) { return a.value < b.value; }
    friend bool operator<=(Lsn a, Lsn b) { return a.value <= b.value; }
    friend bool operator>(Lsn a, Lsn b) { return a.value > b.value; }
    friend bool operator>=(Lsn a, Lsn b) { return a.value >= b.value; }
};

} // namespace SyncBridge
