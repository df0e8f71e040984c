#pragma once

#include <QByteArray>
#include <QString>
#include <QtEndian>

#include <cstring>
#include <optional>

namespace SyncBridge {

// Reads the network-order fields of the replication protocol from one message. Every read checks
// the bytes left, so a truncated or corrupt message ends as "not decodable" instead of reading past
// its end: the server is trusted, but a fuzzer and a broken proxy are not.
class ByteReader
{
public:
    explicit ByteReader(const QByteArray &data)
        : m_data(data)
    {
    }

    bool atEnd() const { return m_pos == m_data.size(); }
    qsizetype left() const { return m_data.size() - m_pos; }

    std::optional<quint8> u8()
    {
        if (left() < 1)
            return std::nullopt;
        return quint8(m_data.at(m_pos++));
    }
    std::optional<quint16> u16() { return fixed<quint16>(); }
    std::optional<quint32> u32() { return fixed<quint32>(); }
    std::optional<quint64> u64() { return fixed<quint64>(); }

    // A NUL-terminated string (names in Relation, Type and Origin messages), UTF-8 on the wire.
    std::optional<QString> cstring()
    {
        const qsizetype end = m_data.indexOf('\0', m_pos);
        if (end < 0)
            return std::nullopt;
        QString text = QString::fromUtf8(m_data.constData() + m_pos, end - m_pos);
        m_pos = end + 1;
        return text;
    }

    std::optional<QByteArray> bytes(qint64 count)
    {
        if (count < 0 || count > left())
            return std::nullopt;
        QByteArray out = m_data.mid(m_pos, qsizetype(count));
        m_pos += qsizetype(count);
        return out;
    }

    QByteArray rest()
    {
        QByteArray out = m_data.mid(m_pos);
        m_pos = m_data.size();
        return out;
    }

private:
    template<typename T> std::optional<T> fixed()
    {
        if (left() < qsizetype(sizeof(T)))
            return std::nullopt;
        T value;
        std::memcpy(&value, m_data.constData() + m_pos, sizeof(T));
        m_pos += qsizetype(sizeof(T));
        return qFromBigEndian(value);
    }

    const QByteArray &m_data;
    qsizetype m_pos = 0;
};

} // namespace SyncBridge
