// TwoWayRun, between planning and writing: the people who made SharePoint's side of each conflict,
// by name. A delta feed names an item's editor only by its lookup id in the site's User Information
// List ("#10"), and a person deciding a conflict needs "Adele Vance <AdeleV@contoso.com>", so each id
// met is read once from that list. One that cannot be read keeps its id: the conflict is recorded
// either way.
#include "sync/twoway/twowayrun.h"

#include "graph/graphclient.h"

#include <QUrl>

namespace SyncBridge {

QString personText(const QString &name, const QString &email)
{
    if (!name.isEmpty() && !email.isEmpty())
        return QStringLiteral("%1 <%2>").arg(name, email);
    return name.isEmpty() ? email : name;
}

void TwoWayRun::nameEditors(std::function<void()> then)
{
    QStringList ids;
    for (const RowPlan &plan : std::as_const(m_plans)) {
        for (const SyncConflict &conflict : plan.conflicts) {
            const QString &editor = conflict.sharePointEditor;
            if (editor.startsWith(QLatin1Char('#')) && !ids.contains(editor.mid(1)))
                ids << editor.mid(1);
        }
    }
    readEditorNames(ids, 0, std::make_shared<QHash<QString, QString>>(), std::move(then));
}

void TwoWayRun::readEditorNames(
    const QStringList &ids, int index, std::shared_ptr<QHash<QString, QString>> names, std::function<void()> then)
{
    if (m_cancelled || index >= ids.size()) {
        for (RowPlan &plan : m_plans) {
            for (SyncConflict &conflict : plan.conflicts)
                conflict.sharePointEditor = names->value(conflict.sharePointEditor, conflict.sharePointEditor);
        }
        then();
        return;
    }
    GraphRequest request;
    request.url = QStringLiteral("/sites/%1/lists('User%20Information%20List')/items/%2?$expand=fields")
                      .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_siteId, ",")), ids.at(index));
    m_graph->send(request, [this, ids, index, names, then](GraphResponse found) {
        if (found.ok()) {
            const QJsonObject fields = found.body.value(QStringLiteral("fields")).toObject();
            const QString person
                = personText(fields.value(QStringLiteral("Title")).toString(), fields.value(QStringLiteral("EMail")).toString());
            if (!person.isEmpty())
                names->insert(QLatin1Char('#') + ids.at(index), person);
        }
        readEditorNames(ids, index + 1, names, then);
    });
}

} // namespace SyncBridge
