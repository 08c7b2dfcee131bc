# Each public header compiles on its own, as the first and only include of a
# file, with -Wall -Wextra -Werror and nothing but include/ on the path: a
# header that needs another included before it, or a library's type, fails
# the build. New headers in include/kamerzoek/ are picked up when CMake reruns.
file(GLOB kamerzoek_public_headers CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/kamerzoek/*.h)
set(kamerzoek_header_check_sources)
foreach(header IN LISTS kamerzoek_public_headers)
  get_filename_component(name ${header} NAME_WE)
  set(source ${PROJECT_BINARY_DIR}/header_check/${name}.cc)
  file(CONFIGURE OUTPUT ${source} CONTENT "#include \"kamerzoek/${name}.h\"\n")
  list(APPEND kamerzoek_header_check_sources ${source})
endforeach()
add_library(kamerzoek_header_check OBJECT ${kamerzoek_header_check_sources})
target_include_directories(kamerzoek_header_check PRIVATE ${PROJECT_SOURCE_DIR}/include)
target_compile_options(kamerzoek_header_check PRIVATE -Wall -Wextra -Werror -Wpedantic)
