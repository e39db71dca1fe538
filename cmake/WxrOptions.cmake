# One INTERFACE target carries every compile setting of wxrecon's own code.
add_library(wxr_options INTERFACE)
add_library(wxr::options ALIAS wxr_options)

target_compile_features(wxr_options INTERFACE cxx_std_20)
target_compile_options(wxr_options INTERFACE
    -Wall -Wextra -Wpedantic
    -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual -Wshadow=local
    -Wimplicit-fallthrough -Wformat=2 -Wnull-dereference)
if(WXR_WERROR)
    target_compile_options(wxr_options INTERFACE -Werror)
endif()
target_compile_definitions(wxr_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    WXR_VERSION="${PROJECT_VERSION}")
if(WXR_SANITIZE)
    target_compile_options(wxr_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(wxr_options INTERFACE -fsanitize=address,undefined)
endif()
