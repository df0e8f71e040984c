#include "definitions/scheduleeditor.h"

#include "schedule/crondescription.h"
#include "schedule/cronschedule.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTimeEdit>
#include <QTimeZone>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

constexpr int nextRunCount = 5;
constexpr int typingPauseMs = 700; // as the condition text: checked once typing pauses

// "Tue 02/03/26 02:30 CET": weekday, the locale's short date and time, the zone's abbreviation.
QString runText(const QDateTime &run)
{
    const QLocale locale;
    return QStringLiteral("%1 %2 %3")
        .arg(locale.dayName(run.date().dayOfWeek(), QLocale::ShortFormat), locale.toString(run, QLocale::ShortFormat),
            run.timeZoneAbbreviation());
}

} // namespace

ScheduleEditor::ScheduleEditor(QWidget *parent)
    : QWidget(parent)
    , m_preset(new QComboBox(this))
    , m_time(new QTimeEdit(QTime(2, 0), this))
    , m_cron(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_description(new QLabel(this))
    , m_zone(new QComboBox(this))
    , m_missed(new QComboBox(this))
    , m_paused(new QCheckBox(tr("Paused: keep the schedule but start no run from it (Run Sync Now still works)"), this))
    , m_nextRuns(new QTableWidget(nextRunCount, 2, this))
    , m_driftCron(new QLineEdit(this))
    , m_driftDescription(new QLabel(this))
{
    setObjectName(QStringLiteral("scheduleEditor"));
    m_preset->setObjectName(QStringLiteral("schedulePreset"));
    m_preset->addItem(tr("Manual runs only"), int(Preset::Manual));
    m_preset->addItem(tr("Hourly"), int(Preset::Hourly));
    m_preset->addItem(tr("Daily at…"), int(Preset::Daily));
    m_preset->addItem(tr("Weekdays at…"), int(Preset::Weekdays));
    m_preset->addItem(tr("Custom (cron)"), int(Preset::Custom));
    m_time->setObjectName(QStringLiteral("scheduleTime"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    m_cron->setObjectName(QStringLiteral("scheduleCron"));
    m_cron->setPlaceholderText(tr("minute hour day-of-month month day-of-week, e.g. 30 2 * * mon-fri"));
    m_error->setObjectName(QStringLiteral("scheduleCronError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    m_description->setObjectName(QStringLiteral("scheduleDescription"));
    m_description->setWordWrap(true);

    m_zone->setObjectName(QStringLiteral("scheduleTimeZone"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id));
    // Typing "berl" finds Europe/Berlin: the completer matches anywhere in the id.
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zone->completer()->setCaseSensitivity(Qt::CaseInsensitive);

    m_missed->setObjectName(QStringLiteral("scheduleMissed"));
    m_missed->addItem(tr("Catch up once"), int(MissedRunPolicy::CatchUpOnce));
    m_missed->addItem(tr("Skip"), int(MissedRunPolicy::Skip));
    m_missed->setToolTip(tr("Runs missed while no agent ran (computer off or asleep): one catch-up run when an agent is back, or none"));
    m_paused->setObjectName(QStringLiteral("schedulePaused"));

    m_nextRuns->setObjectName(QStringLiteral("scheduleNextRuns"));
    m_nextRuns->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_nextRuns->setSelectionMode(QAbstractItemView::NoSelection);
    m_nextRuns->verticalHeader()->hide();
    m_nextRuns->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_nextRuns->setMaximumHeight(
        m_nextRuns->horizontalHeader()->sizeHint().height() + nextRunCount * m_nextRuns->verticalHeader()->defaultSectionSize() + 4);

    auto *form = new QFormLayout;
    auto *presetRow = new QHBoxLayout;
    presetRow->addWidget(m_preset);
    presetRow->addWidget(m_time);
    presetRow->addStretch();
    form->addRow(tr("Runs"), presetRow);
    form->addRow(tr("Cron"), m_cron);
    form->addRow(QString(), m_error);
    form->addRow(QString(), m_description);
    form->addRow(tr("Time zone"), m_zone);
    form->addRow(tr("Missed runs"), m_missed);
    form->addRow(QString(), m_paused);
    m_driftCron->setObjectName(QStringLiteral("driftCheckCron"));
    m_driftCron->setPlaceholderText(tr("empty: by hand on the Drift tab; e.g. 0 6 * * 1 for Mondays at 06:00"));
    m_driftCron->setToolTip(tr("Agents compare the table with its lists at these times (read-only) and notify when they differ"));
    m_driftDescription->setObjectName(QStringLiteral("driftCheckDescription"));
    m_driftDescription->setWordWrap(true);
    form->addRow(tr("Drift check"), m_driftCron);
    form->addRow(QString(), m_driftDescription);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto *nextLabel = new QLabel(tr("Next runs"), this);
    nextLabel->setStyleSheet(QStringLiteral("font-weight: bold;"));
    layout->addWidget(nextLabel);
    layout->addWidget(m_nextRuns);
    layout->addStretch();

    m_pause.setSingleShot(true);
    m_pause.setInterval(typingPauseMs);
    connect(&m_pause, &QTimer::timeout, this, &ScheduleEditor::applyCronText);
    connect(m_cron, &QLineEdit::textEdited, this, [this]() {
        if (!m_cron->text().trimmed().isEmpty() && !cronSyntaxError(m_cron->text()))
            m_error->hide(); // fixed: say so at once; a new error waits for the pause
        m_pause.start();
    });
    connect(m_cron, &QLineEdit::editingFinished, this, &ScheduleEditor::applyCronText);
    connect(m_driftCron, &QLineEdit::editingFinished, this, &ScheduleEditor::applyDriftCheckText);
    connect(m_preset, &QComboBox::activated, this, &ScheduleEditor::applyPreset);
    connect(m_time, &QTimeEdit::timeChanged, this, [this]() {
        const auto preset = Preset(m_preset->currentData().toInt());
        if (!m_filling && (preset == Preset::Daily || preset == Preset::Weekdays))
            applyPreset();
    });
    connect(m_zone, &QComboBox::currentTextChanged, this, [this]() {
        if (QTimeZone::isTimeZoneIdAvailable(zoneId().toUtf8())) {
            showCron();
            userChanged();
        }
    });
    connect(m_missed, &QComboBox::currentIndexChanged, this, &ScheduleEditor::userChanged);
    connect(m_paused, &QCheckBox::toggled, this, [this]() {
        showCron();
        userChanged();
    });
    setSchedule(SyncDefinition{});
}

void ScheduleEditor::setClock(const Clock *clock)
{
    m_clock = clock;
    showCron();
}

void ScheduleEditor::setSchedule(const SyncDefinition &definition)
{
    m_filling = true;
    m_pause.stop();
    m_appliedCron = definition.scheduleCron.trimmed();
    m_cron->setText(definition.scheduleCron);
    const QString zone
        = definition.scheduleTimeZone.isEmpty() ? QString::fromUtf8(QTimeZone::systemTimeZoneId()) : definition.scheduleTimeZone;
    m_zone->setCurrentText(zone);
    m_missed->setCurrentIndex(m_missed->findData(int(definition.missedRuns)));
    m_paused->setChecked(definition.schedulePaused);
    m_appliedDriftCron = definition.driftCheckCron.trimmed();
    m_driftCron->setText(definition.driftCheckCron);
    showPresetOf(m_appliedCron);
    showCron();
    m_filling = false;
}

void ScheduleEditor::applyTo(SyncDefinition &definition) const
{
    definition.scheduleCron = m_appliedCron;
    // A schedule is read in an explicit zone (the system's by default): an empty zone would mean
    // "wherever the agent runs", which differs between a laptop and a headless agent.
    if (!m_appliedCron.isEmpty() || !m_appliedDriftCron.isEmpty())
        definition.scheduleTimeZone = zoneId();
    // Text with an error stays in the field, shown, but is not saved as the check's times.
    definition.driftCheckCron = cronSyntaxError(m_appliedDriftCron) ? QString() : m_appliedDriftCron;
    definition.missedRuns = MissedRunPolicy(m_missed->currentData().toInt());
    definition.schedulePaused = m_paused->isChecked();
}

void ScheduleEditor::applyPendingEdits()
{
    if (m_pause.isActive() || m_cron->text().trimmed() != m_appliedCron)
        applyCronText();
    if (m_driftCron->text().trimmed() != m_appliedDriftCron)
        applyDriftCheckText();
}

void ScheduleEditor::applyPreset()
{
    const QTime at = m_time->time();
    QString cron;
    switch (Preset(m_preset->currentData().toInt())) {
    case Preset::Manual:
        break;
    case Preset::Hourly:
        cron = QStringLiteral("0 * * * *");
        break;
    case Preset::Daily:
        cron = QStringLiteral("%1 %2 * * *").arg(at.minute()).arg(at.hour());
        break;
    case Preset::Weekdays:
        cron = QStringLiteral("%1 %2 * * 1-5").arg(at.minute()).arg(at.hour());
        break;
    case Preset::Custom:
        m_cron->setFocus(); // the user asked to write the expression
        showPresetOf(m_appliedCron);
        m_preset->setCurrentIndex(m_preset->findData(int(Preset::Custom)));
        return;
    }
    m_cron->setText(cron);
    applyCronText();
}

void ScheduleEditor::applyCronText()
{
    m_pause.stop();
    const QString text = m_cron->text().trimmed();
    if (text == m_appliedCron) {
        showCron(); // the pause or leaving the field shows what is wrong with it
        return;
    }
    m_appliedCron = text;
    {
        const QSignalBlocker blocker(m_time); // a preset recognised in the text must not write it again
        showPresetOf(text);
    }
    showCron();
    userChanged();
}

void ScheduleEditor::applyDriftCheckText()
{
    const QString text = m_driftCron->text().trimmed();
    const bool changedText = text != m_appliedDriftCron;
    m_appliedDriftCron = text;
    showCron();
    if (changedText)
        userChanged();
}

void ScheduleEditor::userChanged()
{
    if (!m_filling)
        emit changed();
}

void ScheduleEditor::showPresetOf(const QString &cron)
{
    static const QRegularExpression daily(QStringLiteral("^(\\d{1,2}) (\\d{1,2}) \\* \\* \\*$"));
    static const QRegularExpression weekdays(
        QStringLiteral("^(\\d{1,2}) (\\d{1,2}) \\* \\* (1-5|mon-fri)$"), QRegularExpression::CaseInsensitiveOption);
    Preset preset = Preset::Custom;
    QRegularExpressionMatch match;
    if (cron.isEmpty())
        preset = Preset::Manual;
    else if (cron == QLatin1String("0 * * * *") || cron == QLatin1String("@hourly"))
        preset = Preset::Hourly;
    else if ((match = daily.match(cron)).hasMatch())
        preset = Preset::Daily;
    else if ((match = weekdays.match(cron)).hasMatch())
        preset = Preset::Weekdays;
    const QTime at(match.hasMatch() ? match.captured(2).toInt() : -1, match.hasMatch() ? match.captured(1).toInt() : -1);
    if (at.isValid())
        m_time->setTime(at);
    else if (preset == Preset::Daily || preset == Preset::Weekdays)
        preset = Preset::Custom; // "0 25 * * *" is no time of day
    m_preset->setCurrentIndex(m_preset->findData(int(preset)));
    m_time->setEnabled(preset == Preset::Daily || preset == Preset::Weekdays);
}

void ScheduleEditor::showCron()
{
    m_nextRuns->clearContents();
    const QString zone = zoneId();
    const QByteArray localZone = QTimeZone::systemTimeZoneId();
    m_nextRuns->setHorizontalHeaderLabels({tr("In %1").arg(zone), tr("Local time (%1)").arg(QString::fromUtf8(localZone))});
    const std::optional<CronSyntaxError> error = m_appliedCron.isEmpty() ? std::nullopt : cronSyntaxError(m_appliedCron);
    m_error->setText(error ? error->message() : QString());
    m_error->setVisible(error.has_value());
    if (m_appliedDriftCron.isEmpty()) {
        m_driftDescription->setText(tr("Drift is checked by hand only."));
        m_driftDescription->setStyleSheet(QString());
    } else if (const auto driftError = cronSyntaxError(m_appliedDriftCron)) {
        m_driftDescription->setText(driftError->message());
        m_driftDescription->setStyleSheet(QStringLiteral("color: #c62828;"));
    } else {
        const auto expression = parseCron(m_appliedDriftCron);
        m_driftDescription->setText(expression ? tr("Drift checked %1, in %2.").arg(describeCron(*expression), zone) : QString());
        m_driftDescription->setStyleSheet(QString());
    }
    // Marked, not focused: the text keeps the focus and the cursor where the user left them.
    m_cron->setStyleSheet(error ? QStringLiteral("QLineEdit { border: 1px solid #c62828; }") : QString());
    if (m_appliedCron.isEmpty()) {
        m_description->show();
        m_description->setText(tr("No schedule: this definition runs only when started by hand."));
        return;
    }
    auto schedule = CronSchedule::parse(m_appliedCron, zone);
    m_description->setVisible(!error); // the error takes its place
    if (!schedule) {
        m_description->setText(error ? QString() : schedule.error().message());
        return;
    }
    QString words = describeCron(schedule->expression());
    if (m_paused->isChecked())
        words = tr("%1 — paused: no run starts until it is resumed.").arg(words);
    m_description->setText(words);
    const QList<QDateTime> runs = schedule->next(m_clock->nowUtc(), nextRunCount);
    if (runs.isEmpty())
        m_description->setText(tr("%1 — this never happens on a real date.").arg(words));
    const QTimeZone local(localZone);
    for (int row = 0; row < runs.size(); ++row) {
        m_nextRuns->setItem(row, 0, new QTableWidgetItem(runText(runs.at(row).toTimeZone(schedule->zone()))));
        m_nextRuns->setItem(row, 1, new QTableWidgetItem(runText(runs.at(row).toTimeZone(local))));
    }
}

QString ScheduleEditor::zoneId() const
{
    return m_zone->currentText().trimmed();
}

} // namespace SyncBridge
