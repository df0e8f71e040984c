#include "sync/quotedtext.h"

namespace SyncBridge {

std::optional<QString> scanQuotedText(const QString &source, int &position)
{
    QString text;
    ++position;   // the opening quote
    while (position < source.size()) {
        if (source.at(position) == QLatin1Char('\'')) {
            if (position + 1 < source.size() && source.at(position + 1) == QLatin1Char('\'')) {
                text += QLatin1Char('\'');
                position += 2;
                continue;
            }
            ++position;
            return text;
        }
        text += source.at(position++);
    }
    return std::nullopt;
}

} // namespace SyncBridge
