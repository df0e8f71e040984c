#include "runs/runeventtext.h"

#include "model/runtime.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>

namespace SyncBridge {
namespace {

// Marked for lupdate, translated when read: the reader's language may change after the first lookup.
struct EventTypeText {
    const char *type;
    const char *text;
};
constexpr EventTypeText eventTypeTexts[] = {
    {"item-failed", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Item failed")},
    {"delete-failed", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Delete failed")},
    {"service-unavailable", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Waiting (SharePoint unavailable)")},
    {"throttled", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Waiting (Retry-After)")},
    {"budget-wait", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Waiting (budget)")},
    {"request-retried", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Request retried")},
    {"run-finished", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Run finished")},
    {"run-interrupted", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Run interrupted")},
    {"list-provisioned", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "List created")},
    {"column-left-out", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Column left out")},
    {"rekey-pending", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Re-keying pending")},
    {"rows-gone", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Rows gone from the source")},
    {"rows-marked", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Rows marked")},
    {"deletes-held-back", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Deletions held back")},
    {"deletes-would-be-held", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Deletions would be held back")},
    {"move-cleanup", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Move cleanup")},
    {"sessions-hidden", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Open transactions not visible")},
    {"late-commits-unbounded", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Late commits unbounded")},
    {"pending-list-gone", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Pending list gone")},
    {"twin-check", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Duplicate check")},
    {"twins-removed", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Duplicates removed")},
    {"rows-would-fail", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Rows would fail")},
    {"cursor-reset", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Sync position reset")},
    {"dry-run", QT_TRANSLATE_NOOP("SyncBridge::RunEventType", "Preview")},
};

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

QString runEventTypeText(const QString &type)
{
    for (const EventTypeText &known : eventTypeTexts) {
        if (type == QLatin1String(known.type))
            return QCoreApplication::translate("SyncBridge::RunEventType", known.text);
    }
    return type;
}

QString runEventDetailHtml(const RunEvent &event, const QString &message)
{
    QJsonObject rest = event.payload;
    const QString identity = rest.take(QStringLiteral("identity")).toString();
    const QString list = rest.take(QStringLiteral("list")).toString();
    const QJsonValue error = rest.take(QStringLiteral("error"));
    QString html = QStringLiteral("<table>");
    html += row(QCoreApplication::translate("SyncBridge::RunEventType", "Event"), runEventTypeText(event.type));
    html += row(
        QCoreApplication::translate("SyncBridge::RunEventType", "Time"), QLocale().toString(event.at.toLocalTime(), QLocale::LongFormat));
    if (!list.isEmpty())
        html += row(QCoreApplication::translate("SyncBridge::RunEventType", "List"), list);
    if (!identity.isEmpty())
        html += row(QCoreApplication::translate("SyncBridge::RunEventType", "Item key"), identity);
    if (error.isString() && !error.toString().isEmpty())
        html += row(QCoreApplication::translate("SyncBridge::RunEventType", "Graph error"), error.toString());
    html += QStringLiteral("</table><p style='white-space:pre-wrap'>%1</p>").arg(message.toHtmlEscaped());
    if (!rest.isEmpty())
        html += QStringLiteral("<pre>%1</pre>").arg(QString::fromUtf8(QJsonDocument(rest).toJson(QJsonDocument::Indented)).toHtmlEscaped());
    return html;
}

} // namespace SyncBridge
