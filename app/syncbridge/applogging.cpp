#include "applogging.h"

Q_LOGGING_CATEGORY(lcApp, "syncbridge.app", QtInfoMsg)
