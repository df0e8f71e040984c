#include "drift/driftdigest.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>

namespace SyncBridge {
namespace {

constexpr int keyHexLength = 64;

bool isEmptyValue(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty())
        || (value.isArray() && value.toArray().isEmpty());
}

// Whether QString::toDouble could read the text: it starts (after blanks) with a digit, a sign, a
// point, or the first letter of inf or nan. Most texts do not, and parsing them is half the cost
// of digesting a million rows.
bool mayBeNumber(const QString &text)
{
    for (const QChar c : text) {
        if (c.isSpace())
            continue;
        const char16_t u = c.unicode();
        return (u >= u'0' && u <= u'9') || u == u'+' || u == u'-' || u == u'.' || u == u'i' || u == u'I' || u == u'n' || u == u'N';
    }
    return false;
}

// Whether the text starts as an ISO date does (yyyy-), the only texts Qt::ISODateWithMs reads.
bool mayBeIsoDate(const QString &text)
{
    if (text.size() <= 10 || text.at(4) != QLatin1Char('-'))
        return false;
    for (int i = 0; i < 4; ++i) {
        if (!text.at(i).isDigit())
            return false;
    }
    return true;
}

// One value in the form driftChanges' sameScalar would find equal: the numeric reading first (lookup
// ids go out as text and come back as numbers), then the date-time instant, then the text itself.
QByteArray canonical(const QJsonValue &value)
{
    if (isEmptyValue(value))
        return QByteArrayLiteral("e");
    if (value.isDouble())
        return "n" + QByteArray::number(value.toDouble(), 'g', 17);
    if (value.isString()) {
        const QString text = value.toString();
        bool number = false;
        const double parsed = mayBeNumber(text) ? text.toDouble(&number) : 0.0;
        if (number)
            return "n" + QByteArray::number(parsed, 'g', 17);
        if (mayBeIsoDate(text)) {
            const QDateTime instant = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (instant.isValid())
                return "d" + QByteArray::number(instant.toMSecsSinceEpoch());
        }
        return "s" + text.toUtf8();
    }
    if (value.isBool())
        return value.toBool() ? QByteArrayLiteral("b1") : QByteArrayLiteral("b0");
    if (value.isArray()) {
        QByteArray joined("[");
        for (const QJsonValue &element : value.toArray())
            joined += canonical(element) + '\x1f';
        return joined + ']';
    }
    return "o" + QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

std::optional<IdentityKey> IdentityKey::fromHex(const QString &hex)
{
    // Decoded in place, not through QByteArray::fromHex: a check decodes two keys per row and item.
    if (hex.size() != keyHexLength)
        return std::nullopt;
    IdentityKey key;
    for (int i = 0; i < keyHexLength; ++i) {
        const char16_t c = hex.at(i).unicode();
        quint64 nibble = 0;
        if (c >= u'0' && c <= u'9')
            nibble = c - u'0';
        else if (c >= u'a' && c <= u'f')
            nibble = c - u'a' + 10;
        else if (c >= u'A' && c <= u'F')
            nibble = c - u'A' + 10;
        else
            return std::nullopt;
        key.words[i / 16] = (key.words[i / 16] << 4) | nibble;
    }
    return key;
}

QString IdentityKey::toHex() const
{
    QByteArray bytes(32, Qt::Uninitialized);
    for (int word = 0; word < 4; ++word)
        qToBigEndian(words[word], bytes.data() + word * 8);
    return QString::fromLatin1(bytes.toHex());
}

FieldsDigest fieldsDigest(const QJsonObject &fields, const QSet<QString> *only)
{
    QCryptographicHash hash(QCryptographicHash::Md5); // a filter, not a security boundary: speed matters
    for (auto field = fields.constBegin(); field != fields.constEnd(); ++field) {
        if (field.key().contains(QLatin1Char('@')) || isEmptyValue(field.value()))
            continue;
        if (only && !only->contains(field.key()))
            continue;
        hash.addData(field.key().toUtf8());
        hash.addData(QByteArrayView("\x1e", 1));
        hash.addData(canonical(field.value()));
        hash.addData(QByteArrayView("\x1d", 1));
    }
    const QByteArray bytes = hash.result();
    return {qFromBigEndian<quint64>(bytes.constData()), qFromBigEndian<quint64>(bytes.constData() + 8)};
}

} // namespace SyncBridge
