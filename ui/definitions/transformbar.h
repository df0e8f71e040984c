#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace SyncBridge {

// The transform functions (sync/fieldmapper.h) offered with their arguments: choose a function,
// fill in what it asks for, and "Add to transform" appends the step to the selected mapping's
// transform ("TRIM|REPLACE('-','/')"). Free text in the Transform cell still works.
class TransformBar : public QWidget
{
    Q_OBJECT

public:
    explicit TransformBar(QWidget *parent = nullptr);

    // The chosen function with its arguments as transform text: "REPLACE('a''b','c')".
    QString step() const;
    // Appends a step to a transform ("" → "UPPER", "TRIM" → "TRIM|UPPER").
    static QString appended(const QString &transform, const QString &step);

    QComboBox *functionCombo() const { return m_function; }
    QLineEdit *firstArgument() const { return m_first; }
    QLineEdit *secondArgument() const { return m_second; }
    QPushButton *addButton() const { return m_add; }

signals:
    void stepChosen(const QString &step);

private:
    void showArguments();

    QComboBox *m_function;
    QLineEdit *m_first;
    QLineEdit *m_second;
    QPushButton *m_add;
};

} // namespace SyncBridge
