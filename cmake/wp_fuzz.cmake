# Fuzz build (WP_FUZZ=ON): libFuzzer with AddressSanitizer and
# UndefinedBehaviorSanitizer, clang only. Every project object file is
# instrumented for coverage and the sanitizers; only the fuzz targets link
# libFuzzer's main. Debian's gcc-built Abseil, protobuf and gRPC link as they
# are (uninstrumented), so bugs inside them are out of reach but ours are not.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "WP_FUZZ needs clang (e.g. CC=clang-14 CXX=clang++-14); "
                      "this is ${CMAKE_CXX_COMPILER_ID}")
endif()

# Undefined behaviour aborts, so the fuzzer stops and keeps the input.
set(WP_SANITIZERS address,undefined)
add_compile_options(-fsanitize=fuzzer-no-link,${WP_SANITIZERS} -fno-sanitize-recover=all
                    -fno-omit-frame-pointer)

# wp_fuzz_target(NAME name SRCS a.cc ... DEPS lib ...)
# One libFuzzer binary; its seed corpus is tests/fuzz/corpus/<name>/.
function(wp_fuzz_target)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SRCS})
  target_include_directories(${ARG_NAME} PRIVATE ${PROJECT_SOURCE_DIR})
  target_compile_options(${ARG_NAME} PRIVATE ${WP_WARNINGS})
  target_link_options(${ARG_NAME} PRIVATE -fsanitize=fuzzer,${WP_SANITIZERS})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS})
endfunction()
