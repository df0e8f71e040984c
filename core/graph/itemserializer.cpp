#include "graph/itemserializer.h"

#include "graph/discovery.h"
#include "graph/hyperlinkvalue.h"

#include <QHash>
#include <QJsonArray>

namespace SyncBridge {

SerializedFields serializeFields(const QJsonObject &values, const QList<SharePointColumn> &columns)
{
    QHash<QString, const SharePointColumn *> byName;
    for (const SharePointColumn &column : columns)
        byName.insert(column.name, &column);

    SerializedFields result;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        const QString name = it.key();
        const SharePointColumn *column = byName.value(name);
        if (name.startsWith(QLatin1Char('@')) || !column || column->readOnly || column->system || Discovery::isSystemField(name)) {
            result.skipped << name;
            continue;
        }
        const bool lookup = column->type == QLatin1String("lookup") || column->type == QLatin1String("personOrGroup");
        const QString key = lookup ? name + QStringLiteral("LookupId") : name;
        QJsonValue value = it.value();
        if (value.isArray()) {
            if (lookup) {
                QJsonArray ids;
                for (const QJsonValue &id : value.toArray())
                    ids.append(id.isString() ? id.toString().toInt() : id.toInt());
                value = ids;
                result.fields.insert(key + QStringLiteral("@odata.type"), QStringLiteral("Collection(Edm.Int32)"));
            } else {
                result.fields.insert(key + QStringLiteral("@odata.type"), QStringLiteral("Collection(Edm.String)"));
            }
        } else if (lookup && value.isDouble()) {
            value = QString::number(qint64(value.toDouble()));   // single LookupIds go as strings
        } else if (column->type == QLatin1String("hyperlinkOrPicture") && value.isString()) {
            // A bare URL (two-way writes one) is its own description; its commas must not end it.
            value = Hyperlink::writeForm(Hyperlink::value(value.toString(), {}));
        } else {
            value = Hyperlink::writeForm(value); // Graph refuses the object it reads a hyperlink as
        }
        result.fields.insert(key, value);
    }
    return result;
}

} // namespace SyncBridge
