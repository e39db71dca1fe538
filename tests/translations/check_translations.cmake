file(GLOB_RECURSE sources
    "${SOURCE_DIR}/core/*.cpp" "${SOURCE_DIR}/core/*.h"
    "${SOURCE_DIR}/ui/*.cpp" "${SOURCE_DIR}/ui/*.h"
    "${SOURCE_DIR}/app/*.cpp" "${SOURCE_DIR}/app/*.h")
list(JOIN sources "\n" list_text)
file(WRITE "${WORK_DIR}/sources.lst" "${list_text}\n")

# Reads into `out` a scratch copy of catalogue `name` brought up to date with the sources.
function(updated_catalogue name out)
    set(copy "${WORK_DIR}/${name}_check.ts")
    file(COPY_FILE "${SOURCE_DIR}/translations/wxrecon_${name}.ts" "${copy}")
    execute_process(
        COMMAND "${LUPDATE}" -silent -no-obsolete -locations none
            -I "${SOURCE_DIR}/core" -I "${SOURCE_DIR}/ui" -I "${SOURCE_DIR}/app"
            -I "${SOURCE_DIR}/app/common" "@${WORK_DIR}/sources.lst" -ts "${copy}"
        RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed for ${name} (${rc})")
    endif()
    file(READ "${copy}" text)
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

updated_catalogue(zh_CN content)
string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*(<comment>[^<]*</comment>[ \t\r\n]*)?<translation type=\"unfinished\"" unfinished "${content}")
string(REGEX MATCHALL "<translation type=\"unfinished\"" marks "${content}")
list(LENGTH marks n)
if(n GREATER 0)
    list(JOIN unfinished "\n  " text)
    message(FATAL_ERROR "${n} zh_CN entries are unfinished or missing; run "
        "`cmake --build build --target update_translations` and translate them:\n  ${text}")
endif()
string(REGEX MATCHALL "<message" all "${content}")
list(LENGTH all total)
message(STATUS "zh_CN complete: ${total} messages")

# English needs only its plural entries (every other English text is its own source): each
# %n message must have singular and plural forms (scripts/ts_fill.py en-plurals fills them).
updated_catalogue(en en_content)
string(REGEX MATCHALL "<message numerus=\"yes\">[ \t\r\n]*<source>[^<]*</source>[ \t\r\n]*(<comment>[^<]*</comment>[ \t\r\n]*)?<translation type=\"unfinished\"" en_unfinished "${en_content}")
list(LENGTH en_unfinished en_n)
if(en_n GREATER 0)
    list(JOIN en_unfinished "\n  " text)
    message(FATAL_ERROR "${en_n} English plural entries are unfinished; run "
        "`python3 scripts/ts_fill.py en-plurals translations/wxrecon_en.ts`:\n  ${text}")
endif()
string(REGEX MATCHALL "<message numerus=\"yes\">" en_plurals "${en_content}")
list(LENGTH en_plurals en_total)
message(STATUS "English plurals complete: ${en_total} messages")
