// DriftCheck: the lists' side — every item of every list, page by page, classified as it comes.
#include "drift/driftcheck.h"

#include "drift/drifttablereader.h"
#include "graph/discovery.h"
#include "graph/graphclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrl>

namespace SyncBridge {
namespace {

const QString syncBridgeKey = QStringLiteral("SyncBridgeKey");
const QString title = QStringLiteral("Title");

ListedItem listedItem(const QJsonObject &item)
{
    ListedItem listed;
    listed.itemId = item.value(QStringLiteral("id")).toString();
    listed.fields = item.value(QStringLiteral("fields")).toObject();
    listed.key = listed.fields.value(syncBridgeKey).toString();
    listed.title = listed.fields.value(title).toString();
    return listed;
}

} // namespace

QStringList DriftCheck::selectedFields(int listIndex) const
{
    QStringList fields{syncBridgeKey, title};
    for (const QString &field : m_fieldsOfList.at(listIndex)) {
        if (!fields.contains(field))
            fields << field;
    }
    return fields;
}

bool DriftCheck::mayLackLookups(int listIndex, const ListedItem &item) const
{
    if (!m_omitsLookups.at(listIndex))
        return false;
    // Absent is not empty here: the collection read may have left the field out.
    for (const QString &field : m_fieldsOfList.at(listIndex)) {
        if (field.endsWith(QLatin1String("LookupId")) && !item.fields.contains(field))
            return true;
    }
    return false;
}

void DriftCheck::readList(int index)
{
    if (m_done)
        return;
    if (m_cancelled) {
        fail(driftCancelled());
        return;
    }
    if (index >= m_targets.size()) {
        m_listsRead = true;
        completeWhenRead();
        return;
    }
    if (m_targets.at(index).listId.isEmpty()) {
        readList(index + 1);
        return;
    }
    // Items are classified as they arrive; only those whose lookup fields the page may lack wait.
    auto singly = std::make_shared<QList<ListedItem>>();
    Discovery::itemFieldPagesPaced(
        *m_graph, m_siteId, m_targets.at(index).listId, selectedFields(index), itemPageSize,
        [this, index, singly](const QJsonArray &page, const std::function<void()> &more) {
            if (m_done)
                return;
            // Asked for before this page is handled, unless the items waiting for their rows are
            // already as many as they may be: then the list rests until the table catches up.
            if (m_tableRead || m_classifier->itemsAwaitingRows() < maxItemsAwaitingRows)
                more();
            else
                m_resumeList = more;
            for (const QJsonValue &value : page) {
                ListedItem listed = listedItem(value.toObject());
                if (mayLackLookups(index, listed))
                    singly->append(std::move(listed));
                else
                    m_classifier->addItem(index, listed);
            }
            m_report.itemsRead += page.size();
            emit progress(QCoreApplication::translate("SyncBridge::Drift", "Reading the lists…"), m_report.sourceRows, m_report.itemsRead);
        },
        [this, index, singly](Result<void> walked) {
            if (m_done)
                return;
            if (!walked) {
                fail(walked.error());
                return;
            }
            rereadSingly(index, singly);
        });
}

void DriftCheck::resumeList()
{
    if (m_resumeList && (m_tableRead || m_classifier->itemsAwaitingRows() < maxItemsAwaitingRows))
        std::exchange(m_resumeList, nullptr)();
}

void DriftCheck::rereadSingly(int listIndex, std::shared_ptr<QList<ListedItem>> pending)
{
    if (m_done)
        return;
    if (pending->isEmpty()) {
        readList(listIndex + 1);
        return;
    }
    const ListedItem item = pending->takeFirst();
    GraphRequest request;
    request.url = QStringLiteral("/sites/%1/lists/%2/items/%3?$expand=fields($select=%4)")
                      .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_siteId, ",")),
                          QString::fromLatin1(QUrl::toPercentEncoding(m_targets.at(listIndex).listId, ",")), item.itemId,
                          selectedFields(listIndex).join(QLatin1Char(',')));
    m_graph->send(request, [this, listIndex, pending, item](GraphResponse answer) {
        if (m_done)
            return;
        if (!answer.ok() && answer.status != 404) {
            fail(describeGraphFailure(answer, QCoreApplication::translate("SyncBridge::Drift", "Re-reading item %1").arg(item.itemId)));
            return;
        }
        if (answer.ok()) {
            m_classifier->addItem(listIndex, listedItem(answer.body));
            ++m_report.itemsReadSingly;
        } else {
            m_classifier->addItem(listIndex, item); // deleted meanwhile: as the page had it
        }
        rereadSingly(listIndex, pending);
    });
}

} // namespace SyncBridge
