# wxr_add_core_module(NAME <name> SOURCES ... [DEPENDS ...])
#
# Each folder of core/ is one static library, wxrecon_core_<name>, and part of the
# umbrella target wxrecon_core. Dependencies are explicit so that the layering inside
# core (crypto below wechatpay, bill below recon, ...) is visible and enforced.
# Core never links QtWidgets or QtGui: this is checked here at configure time and by
# the core_layering test for includes.
add_library(wxrecon_core INTERFACE)

function(wxr_add_core_module)
    cmake_parse_arguments(ARG "" "NAME" "SOURCES;DEPENDS" ${ARGN})
    set(target wxrecon_core_${ARG_NAME})
    foreach(dep IN LISTS ARG_DEPENDS)
        if(dep MATCHES "Widgets|Gui|PrintSupport|QCustomPlot")
            message(FATAL_ERROR "${target} must not depend on ${dep}: core is GUI-free")
        endif()
    endforeach()
    add_library(${target} STATIC ${ARG_SOURCES})
    target_include_directories(${target} PUBLIC "${PROJECT_SOURCE_DIR}/core")
    target_link_libraries(${target} PUBLIC wxr_options Qt6::Core ${ARG_DEPENDS})
    target_link_libraries(wxrecon_core INTERFACE ${target})
endfunction()
