#pragma once

#include <QObject>

class QSocketNotifier;

namespace SyncBridge::Cli {

// SIGINT and SIGTERM as a request to stop, delivered on the event loop: the handler only writes the
// signal's number into a pipe (async-signal-safe); a QSocketNotifier reads it and emits `received`.
// The first signal asks; a second one while the run is still stopping ends the process at once
// (the default action is restored after the first). One instance per process; the handlers go back
// to what they were when it is destroyed.
class StopSignals : public QObject
{
    Q_OBJECT

public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

    bool isActive() const { return m_notifier != nullptr; }
    int lastSignal() const { return m_lastSignal; }

signals:
    void received(int signalNumber);

private:
    void readPipe();

    QSocketNotifier *m_notifier = nullptr;
    int m_lastSignal = 0;
};

} // namespace SyncBridge::Cli
