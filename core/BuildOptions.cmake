# One INTERFACE target that every SyncBridge target links: warnings and Qt hygiene live here,
# never in global include_directories/add_definitions.
option(SYNCBRIDGE_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)

add_library(syncbridge_build_options INTERFACE)
add_library(SyncBridge::build_options ALIAS syncbridge_build_options)
target_compile_features(syncbridge_build_options INTERFACE cxx_std_17)
target_compile_options(syncbridge_build_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    $<$<BOOL:${SYNCBRIDGE_WARNINGS_AS_ERRORS}>:-Werror>)
target_compile_definitions(syncbridge_build_options INTERFACE
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_UP_TO=0x060000
    QT_STRICT_ITERATORS
    PQXX_HAVE_OPTIONAL
    SYNCBRIDGE_VERSION="${PROJECT_VERSION}")

# Debian's hardening for what is shipped (lintian's hardening-* checks): fortified libc calls in the
# release build, and relocations resolved and made read-only at start (every build).
target_compile_definitions(syncbridge_build_options INTERFACE
    $<$<CONFIG:Release>:_FORTIFY_SOURCE=2>)
target_link_options(syncbridge_build_options INTERFACE LINKER:-z,relro LINKER:-z,now)
