#pragma once

#include <QString>

#include <optional>

namespace SyncBridge {

// Reads a 'single-quoted' text at position (which must point at the opening quote); '' stands for
// one quote. Advances position past the closing quote; nullopt when the text is not closed.
std::optional<QString> scanQuotedText(const QString &source, int &position);

} // namespace SyncBridge
