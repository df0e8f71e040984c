#include "common/uilogging.h"

Q_LOGGING_CATEGORY(lcUi, "syncbridge.ui", QtInfoMsg)
