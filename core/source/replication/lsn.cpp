#include "source/replication/lsn.h"

namespace SyncBridge {

QString Lsn::toString() const
{
    return QStringLiteral("%1/%2").arg(
        QString::number(quint32(value >> 32), 16).toUpper(), QString::number(quint32(value & 0xFFFFFFFFu), 16).toUpper());
}

std::optional<Lsn> Lsn::parse(const QString &text)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash <= 0 || slash == text.size() - 1 || text.indexOf(QLatin1Char('/'), slash + 1) >= 0)
        return std::nullopt;
    bool highOk = false;
    bool lowOk = false;
    const quint64 high = text.left(slash).toULongLong(&highOk, 16);
    const quint64 low = text.mid(slash + 1).toULongLong(&lowOk, 16);
    if (!highOk || !lowOk || high > 0xFFFFFFFFu || low > 0xFFFFFFFFu)
        return std::nullopt;
    return Lsn{(high << 32) | low};
}

} // namespace SyncBridge
