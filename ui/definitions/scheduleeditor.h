#pragma once

#include "common/clock.h"
#include "model/definition.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QTimeEdit;

namespace SyncBridge {

// A definition's schedule (the definition editor's Schedule tab): presets that write the cron text,
// the text with its error (field and position) shown once typing pauses or the field is left — never
// after the first character and never taking the focus —, the schedule in words, the IANA time zone,
// the missed-run policy, Paused, and the next five runs in the schedule's zone and in local time.
class ScheduleEditor : public QWidget
{
    Q_OBJECT

public:
    // The presets, in the combo's order.
    enum class Preset { Manual, Hourly, Daily, Weekdays, Custom };
    Q_ENUM(Preset)

    explicit ScheduleEditor(QWidget *parent = nullptr);

    // Shows a definition's schedule; emits nothing.
    void setSchedule(const SyncDefinition &definition);
    // Writes the schedule's fields (cron, zone, missed runs, paused) into definition.
    void applyTo(SyncDefinition &definition) const;
    // Typed cron text not yet applied goes into the schedule now (Save calls it).
    void applyPendingEdits();
    // Where "now" comes from for the next runs (tests drive it).
    void setClock(const Clock *clock);

    QComboBox *presetCombo() const { return m_preset; }
    QTimeEdit *timeEdit() const { return m_time; }
    QLineEdit *cronEdit() const { return m_cron; }
    QLabel *cronError() const { return m_error; }
    QLabel *description() const { return m_description; }
    QComboBox *timeZoneCombo() const { return m_zone; }
    QComboBox *missedCombo() const { return m_missed; }
    QCheckBox *pausedCheck() const { return m_paused; }
    QTableWidget *nextRuns() const { return m_nextRuns; }
    // The drift check's own cron (docs/drift.md), in the same zone: its error or its times in words.
    QLineEdit *driftCheckEdit() const { return m_driftCron; }
    QLabel *driftCheckDescription() const { return m_driftDescription; }

signals:
    // The user changed the schedule (a preset, applied cron text, zone, policy, Paused).
    void changed();

private:
    void applyPreset();
    void applyCronText();
    void userChanged();
    void showPresetOf(const QString &cron);
    void applyDriftCheckText();
    void showCron();
    QString zoneId() const;

    const Clock *m_clock = &Clock::system();
    QComboBox *m_preset;
    QTimeEdit *m_time;
    QLineEdit *m_cron;
    QLabel *m_error;
    QLabel *m_description;
    QComboBox *m_zone;
    QComboBox *m_missed;
    QCheckBox *m_paused;
    QTableWidget *m_nextRuns;
    QLineEdit *m_driftCron;
    QLabel *m_driftDescription;
    QString m_appliedDriftCron;
    QTimer m_pause;        // typing paused: the text is checked and applied
    QString m_appliedCron; // the cron the schedule holds (typed text applies on a pause)
    bool m_filling = false;
};

} // namespace SyncBridge
