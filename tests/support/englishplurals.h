#pragma once

#include <QCoreApplication>
#include <QTranslator>

// The English plural forms the applications install first (core/common/translations.cpp), for tests
// that read texts made in their own process: without them "%n row(s)" stays as the source says.
inline bool installEnglishPlurals(QObject *owner)
{
    auto *english = new QTranslator(owner);
    return english->load(QStringLiteral(SYNCBRIDGE_ENGLISH_QM)) && QCoreApplication::installTranslator(english);
}
