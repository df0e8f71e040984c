#include "graph/hyperlinkvalue.h"

#include <QStringList>
#include <QUrl>

namespace SyncBridge::Hyperlink {
namespace {

const QString urlKey = QStringLiteral("Url");
const QString descriptionKey = QStringLiteral("Description");

const QStringList &schemes()
{
    static const QStringList all{QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("mailto"), QStringLiteral("ftp"),
        QStringLiteral("ftps"), QStringLiteral("file"), QStringLiteral("news")};
    return all;
}

} // namespace

bool isAllowedUrl(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || !schemes().contains(parsed.scheme().toLower()))
        return false;
    // mailto: and news: name no host; the others do.
    const QString scheme = parsed.scheme().toLower();
    return scheme == QLatin1String("mailto") || scheme == QLatin1String("news") || scheme == QLatin1String("file")
        || !parsed.host().isEmpty();
}

QString allowedSchemes()
{
    return schemes().join(QStringLiteral(", "));
}

QJsonObject value(const QString &url, const QString &description)
{
    return QJsonObject{{urlKey, url}, {descriptionKey, description.isEmpty() ? url : description}};
}

QJsonValue fromColumns(const QJsonValue &url, const QJsonValue &description)
{
    if (!url.isString() || url.toString().isEmpty())
        return QJsonValue::Null;
    return value(url.toString(), description.toString());
}

QJsonValue writeForm(const QJsonValue &value)
{
    if (!value.isObject() || !value.toObject().contains(urlKey))
        return value;
    QString url = value.toObject().value(urlKey).toString();
    url.replace(QLatin1Char(','), QLatin1String(",,"));
    return url + QStringLiteral(", ") + value.toObject().value(descriptionKey).toString();
}

QJsonObject fromWriteForm(const QString &text)
{
    // The first ", " whose comma is not doubled ends the URL.
    QString url;
    int at = 0;
    for (; at < text.size(); ++at) {
        if (text.at(at) == QLatin1Char(',') && at + 1 < text.size() && text.at(at + 1) == QLatin1Char(',')) {
            url += QLatin1Char(',');
            ++at;
        } else if (text.at(at) == QLatin1Char(',') && at + 1 < text.size() && text.at(at + 1) == QLatin1Char(' ')) {
            break;
        } else {
            url += text.at(at);
        }
    }
    if (url.isEmpty())
        return {};
    const QString description = at < text.size() ? text.mid(at + 2) : QString();
    return QJsonObject{{urlKey, url}, {descriptionKey, description.isEmpty() ? url : description}};
}

} // namespace SyncBridge::Hyperlink
