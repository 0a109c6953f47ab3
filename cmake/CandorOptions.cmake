# Warnings as errors for every target of the project, and the optional sanitizer build.
add_library(candor_options INTERFACE)
target_compile_options(candor_options INTERFACE -Wall -Wextra -Wpedantic -Werror -Wno-missing-field-initializers)
target_compile_definitions(candor_options INTERFACE
  BOOST_ASIO_NO_DEPRECATED BOOST_ASIO_SEPARATE_COMPILATION BOOST_BEAST_SEPARATE_COMPILATION
  BOOST_JSON_NO_LIB BOOST_CONTAINER_NO_LIB)
if(CANDOR_SANITIZE)
  target_compile_options(candor_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                  -fno-sanitize=vptr
                                                  -fno-sanitize-recover=undefined)
  target_link_options(candor_options INTERFACE -fsanitize=address,undefined)
endif()

# candor_library(name SOURCES... DEPENDS ...): one static library per folder of src/.
function(candor_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  add_library(candor_${name} STATIC ${ARG_SOURCES})
  target_include_directories(candor_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(candor_${name} PUBLIC candor_options ${ARG_DEPENDS})
endfunction()
