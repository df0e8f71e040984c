#pragma once

#include <QLoggingCategory>

// The UI's log category, beside core's syncbridge.core.* ones (common/logging.h in core). Like
// them it logs from info up; QT_LOGGING_RULES="syncbridge.ui.debug=true" adds the debug lines.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
