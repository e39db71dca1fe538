# wxr_add_test(NAME tst_x SOURCES ... LIBS ... [LABELS ...] [GUI])
#
# One executable per test class, registered with ctest. Tests find their fixtures
# through WXR_TEST_DATA_DIR (tests/data) and executables through WXR_BIN_DIR.
function(wxr_add_test)
    cmake_parse_arguments(ARG "GUI" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE wxr_options Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${ARG_NAME} PRIVATE
        WXR_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        WXR_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        WXR_BIN_DIR="${PROJECT_BINARY_DIR}/bin")
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    set(labels ${ARG_LABELS})
    if(ARG_GUI)
        list(APPEND labels gui)
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${ARG_NAME} PROPERTIES
        LABELS "${labels}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8")
endfunction()
