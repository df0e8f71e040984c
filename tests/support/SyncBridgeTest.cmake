# syncbridge_add_test(<name> LABEL unit|integration|ui|bench SOURCES … [LIBRARIES …] [WRAPPER cmd…] [ENVIRONMENT k=v…])
# One Qt Test executable per class under test, registered with CTest under its label.
# Every test runs with QT_QPA_PLATFORM=offscreen; bench tests are excluded from the default presets.
function(syncbridge_add_test name)
    cmake_parse_arguments(ARG "" "LABEL" "SOURCES;LIBRARIES;WRAPPER;ENVIRONMENT" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    set_target_properties(${name} PROPERTIES AUTOMOC ON)
    target_link_libraries(${name} PRIVATE SyncBridge::testsupport Qt6::Test ${ARG_LIBRARIES})
    add_test(NAME ${name} COMMAND ${ARG_WRAPPER} $<TARGET_FILE:${name}>)
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABEL}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;SYNCBRIDGE_TEST_ARTIFACTS=${CMAKE_BINARY_DIR}/test-artifacts;${ARG_ENVIRONMENT}"
        TIMEOUT 300)
endfunction()
