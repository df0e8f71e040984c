#pragma once

#include "model/conflict.h"

#include <QWidget>

class QFrame;
class QLabel;

namespace SyncBridge {

// The chosen conflict's three values side by side — last agreed, database, SharePoint — with the
// sides that moved away from the last agreed value marked, who changed them and when, and the
// decision taken so far.
class ConflictComparison : public QWidget
{
    Q_OBJECT

public:
    enum Side { Base, Database, SharePoint, SideCount };

    explicit ConflictComparison(QWidget *parent = nullptr);

    void showConflict(const SyncConflict &conflict);
    void clear();
    QString valueText(Side side) const;
    QString decisionText() const;

private:
    struct Panel {
        QFrame *frame;
        QLabel *value;
        QLabel *note;
    };
    Panel makePanel(const QString &title, const QString &objectName);
    void mark(const Panel &panel, bool changed, bool chosen);

    QLabel *m_heading;
    QLabel *m_decision;
    Panel m_panels[SideCount];
};

} // namespace SyncBridge
