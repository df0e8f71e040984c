#pragma once

#include <QLoggingCategory>

// The desktop entry point's log category, beside syncbridge.ui and core's syncbridge.core.*. Like
// them it logs from info up; QT_LOGGING_RULES="syncbridge.app.debug=true" adds the debug lines.
Q_DECLARE_LOGGING_CATEGORY(lcApp)
