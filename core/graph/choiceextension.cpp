#include "graph/choiceextension.h"

#include "graph/graphclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrl>

namespace SyncBridge {
namespace {

constexpr int maxRounds = 5;

struct Extension {
    GraphClient &client;
    QString columnsUrl;
    QString columnName;
    QStringList values;
    std::function<void(Result<ChoicesAdded>)> done;
    QStringList added;
    int rounds = 0;

    QString subject() const { return QCoreApplication::translate("SyncBridge::Graph", "The choices of column '%1'").arg(columnName); }
};

QStringList choicesOf(const QJsonObject &facet)
{
    QStringList choices;
    for (const QJsonValue &choice : facet.value(QStringLiteral("choices")).toArray())
        choices << choice.toString();
    return choices;
}

void readAndExtend(std::shared_ptr<Extension> extension);

void extend(std::shared_ptr<Extension> extension, const QJsonObject &column)
{
    const QJsonObject facet = column.value(QStringLiteral("choice")).toObject();
    const QStringList choices = choicesOf(facet);
    QStringList missing;
    for (const QString &value : std::as_const(extension->values)) {
        if (!choices.contains(value) && !missing.contains(value))
            missing << value;
    }
    if (missing.isEmpty()) {
        extension->done(ChoicesAdded{extension->added, choices});
        return;
    }
    if (++extension->rounds > maxRounds) {
        extension->done(Error{ErrorCode::Busy,
            QCoreApplication::translate("SyncBridge::Graph",
                "The choices of column '%1' changed under every attempt to add %2: another process keeps replacing them.")
                .arg(extension->columnName, missing.join(QStringLiteral(", ")))});
        return;
    }
    for (const QString &value : std::as_const(missing)) {
        if (!extension->added.contains(value))
            extension->added << value;
    }
    QJsonObject updated = facet;
    updated.insert(QStringLiteral("choices"), QJsonArray::fromStringList(choices + missing));
    GraphRequest patch;
    patch.method = "PATCH";
    patch.url = extension->columnsUrl + QLatin1Char('/')
        + QString::fromLatin1(QUrl::toPercentEncoding(column.value(QStringLiteral("id")).toString()));
    patch.cost = 2;
    patch.body = QJsonObject{{QStringLiteral("choice"), updated}};
    extension->client.send(patch, [extension](GraphResponse response) {
        if (!response.ok()) {
            extension->done(describeGraphFailure(response, extension->subject()));
            return;
        }
        readAndExtend(extension); // read again: a concurrent update may have replaced ours
    });
}

void readAndExtend(std::shared_ptr<Extension> extension)
{
    GraphRequest read;
    read.url = extension->columnsUrl + QStringLiteral("?$select=id,name,choice");
    extension->client.send(read, [extension](GraphResponse response) {
        if (!response.ok()) {
            extension->done(describeGraphFailure(response, extension->subject()));
            return;
        }
        for (const QJsonValue &value : response.body.value(QStringLiteral("value")).toArray()) {
            const QJsonObject column = value.toObject();
            if (column.value(QStringLiteral("name")).toString() != extension->columnName)
                continue;
            if (!column.value(QStringLiteral("choice")).isObject())
                break;
            extend(extension, column);
            return;
        }
        extension->done(Error{ErrorCode::NotFound,
            QCoreApplication::translate(
                "SyncBridge::Graph", "The list has no choice column '%1' any more: its new choices cannot be added.")
                .arg(extension->columnName)});
    });
}

} // namespace

void addChoices(GraphClient &client, const QString &siteId, const QString &listId, const QString &columnName, const QStringList &values,
    std::function<void(Result<ChoicesAdded>)> done)
{
    auto extension = std::make_shared<Extension>(Extension{client,
        QStringLiteral("/sites/%1/lists/%2/columns")
            .arg(QString::fromLatin1(QUrl::toPercentEncoding(siteId, ",")), QString::fromLatin1(QUrl::toPercentEncoding(listId))),
        columnName, values, std::move(done), {}, 0});
    readAndExtend(extension);
}

} // namespace SyncBridge
