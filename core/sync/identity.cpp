#include "sync/identity.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace SyncBridge {
namespace {

QString escaped(const QString &value)
{
    QString text = value;
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char('|'), QLatin1String("\\|"));
    text.replace(QLatin1Char('='), QLatin1String("\\="));
    return text;
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

void appendCanonical(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QStringList keys = object.keys();
        std::sort(keys.begin(), keys.end());
        out += '{';
        for (int i = 0; i < keys.size(); ++i) {
            if (i > 0)
                out += ',';
            out += QJsonDocument(QJsonArray{keys.at(i)}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
            out += ':';
            appendCanonical(out, object.value(keys.at(i)));
        }
        out += '}';
        break;
    }
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i) {
            if (i > 0)
                out += ',';
            appendCanonical(out, array.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Double: {
        // Integral values print as integers, others in the shortest form that reads back the same,
        // so 1, 1.0 and 1.00 hash alike in both directions.
        const double number = value.toDouble();
        if (number == double(qint64(number)) && qAbs(number) < 1e15)
            out += QByteArray::number(qint64(number));
        else
            out += QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
        break;
    }
    default:
        out += QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    }
}

struct IdentityParts {
    QStringList columns;
    QStringList values;
};

// Splits "a=1|b=x\|y" into columns (a, b) and values (1, x|y) at the separators not escaped.
IdentityParts identityParts(const QString &identityText)
{
    IdentityParts parts;
    QString current;
    bool inValue = false, escapeNext = false;
    for (const QChar c : identityText) {
        if (escapeNext) {
            current += c;
            escapeNext = false;
        } else if (c == QLatin1Char('\\')) {
            escapeNext = true;
        } else if (c == QLatin1Char('=') && !inValue) {
            parts.columns << current;
            inValue = true;
            current.clear();
        } else if (c == QLatin1Char('|')) {
            parts.values << current;
            current.clear();
            inValue = false;
        } else {
            current += c;
        }
    }
    parts.values << current;
    return parts;
}

} // namespace

RowIdentity rowIdentity(const QStringList &keyColumns, const QStringList &keyValues, const QString &salt)
{
    QStringList parts;
    for (int i = 0; i < keyColumns.size(); ++i)
        parts << escaped(keyColumns.at(i)) + QLatin1Char('=') + escaped(keyValues.value(i));
    RowIdentity identity;
    identity.text = parts.join(QLatin1Char('|'));
    identity.hash = QString::fromLatin1(sha256Hex((salt.isEmpty() ? identity.text : salt + QLatin1Char('\n') + identity.text).toUtf8()));
    return identity;
}

QStringList keyValuesFromIdentity(const QString &identityText)
{
    return identityParts(identityText).values;
}

QStringList keyColumnsFromIdentity(const QString &identityText)
{
    return identityParts(identityText).columns;
}

QByteArray canonicalForm(const QJsonObject &fields)
{
    QByteArray out;
    appendCanonical(out, fields);
    return out;
}

QString contentHash(const QJsonObject &fields)
{
    return QString::fromLatin1(sha256Hex(canonicalForm(fields)));
}

} // namespace SyncBridge
