#pragma once

#include "appcontext.h"
#include "navigationpage.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;

namespace SyncBridge {

class ConflictsView;

// The Conflicts page: a definition to choose (each with its open conflicts counted) and its
// conflict queue. Reached from the rail and from a definition card's "Conflicts (n)".
class ConflictsPage : public QWidget, public NavigationPage
{
    Q_OBJECT

public:
    explicit ConflictsPage(AppContext context, QWidget *parent = nullptr);

    QString title() const override;
    QIcon icon() const override;
    QWidget *widget() override { return this; }
    void activated() override;

    ConflictsView *view() const { return m_view; }
    QComboBox *definitionChooser() const { return m_definitions; }
    // Shows this definition's conflicts (once the definitions are read, if they are not yet).
    void showDefinition(qint64 definitionId);
    void reload();

signals:
    // The definitions and their counts are read and the chosen one's conflicts requested.
    void definitionsLoaded();
    void decided(qint64 definitionId);
    void runNowRequested(qint64 definitionId);

private:
    AppContext m_context;
    QComboBox *m_definitions;
    QLabel *m_message;
    ConflictsView *m_view;
    qint64 m_wanted = 0; // the definition to show once the chooser is filled
};

} // namespace SyncBridge
