#pragma once

#include "appcontext.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace SyncBridge {

// What a new user does first, on the Overview until it is done: the guided path database →
// SharePoint connection → definition (table → list → auto-map) → preview → run, each step with
// its state (done, next, to come) read from the store and a button into the existing dialog or
// page. Hidden once a first real run exists.
class WelcomePanel : public QFrame
{
    Q_OBJECT

public:
    enum Step { DatabaseStep, SharePointStep, DefinitionStep, PreviewStep, RunStep, StepCount };

    explicit WelcomePanel(AppContext context, QWidget *parent = nullptr);

    bool isDone(Step step) const { return m_done[step]; }
    QPushButton *button(Step step) const { return m_buttons[step]; }
    QLabel *stepLabel(Step step) const { return m_labels[step]; }

public slots:
    // Reads which steps are done (off the GUI thread); the panel hides once every one is.
    void reload();

signals:
    void loaded();
    void addDatabaseRequested();
    void addSharePointRequested();
    void newDefinitionRequested();
    // Preview (a dry run) or run the first definition.
    void previewRequested(qint64 definitionId);
    void runRequested(qint64 definitionId);

private:
    void showSteps();

    AppContext m_context;
    QLabel *m_labels[StepCount];
    QPushButton *m_buttons[StepCount];
    bool m_done[StepCount] = {};
    qint64 m_firstDefinition = 0;
    int m_generation = 0;
};

} // namespace SyncBridge
