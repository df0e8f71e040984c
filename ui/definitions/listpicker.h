#pragma once

#include <QComboBox>

namespace SyncBridge {

// A list the catalog knows, offered by a List cell's picker.
struct ListChoice {
    qint64 connectionId = 0;
    QString site; // "host:/sites/path", as targets name sites
    QString name;
    QString graphId;
};

// The List cell of Lists & routing: the catalogued lists of the row's connection and site, a typed
// name for a list the first run creates, and "Provision a new list…" at the end.
class ListPicker : public QComboBox
{
    Q_OBJECT

public:
    explicit ListPicker(QWidget *parent = nullptr);

    // Offers the lists of one connection and site (every list of the connection when no site is named).
    void offer(const QList<ListChoice> &lists, qint64 connectionId, const QString &site);
    void setList(const QString &name, const QString &graphId);
    QString listName() const { return m_name; }
    QString graphId() const { return m_graphId; }

signals:
    void listChanged();        // another list was picked or typed
    void provisionRequested(); // "Provision a new list…" was chosen

private:
    void picked();
    void showList();

    QString m_name;
    QString m_graphId;
};

} // namespace SyncBridge
