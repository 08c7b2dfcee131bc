# Installing libkamerzoek for other programs: the library, the public headers
# (include/kamerzoek/ as it is in the tree), the CMake package kamerzoek::kamerzoek and
# kamerzoek.pc for pkg-config.
#
# Configure with -DBUILD_SHARED_LIBS=ON to install a shared library
# (libkamerzoek.so.<major>): its dependencies stay private to it. A static
# library is installed too, and then the package carries its link dependencies:
# kamerzoekConfig.cmake finds them again, kamerzoek.pc lists them as private.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

get_target_property(kamerzoek_library_type kamerzoek TYPE)
if(kamerzoek_library_type STREQUAL "SHARED_LIBRARY")
  set(KAMERZOEK_INSTALL_SHARED ON)
  set(KAMERZOEK_PC_REQUIRES_PRIVATE "")
else()
  set(KAMERZOEK_INSTALL_SHARED OFF)
  set(KAMERZOEK_PC_REQUIRES_PRIVATE "Requires.private: xapian-core poppler-cpp gumbo libzip icu-i18n icu-uc pugixml fmt")
endif()
# A static libkamerzoek may end up inside a consumer's shared library.
set_target_properties(kamerzoek PROPERTIES POSITION_INDEPENDENT_CODE ON)

set(kamerzoek_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/kamerzoek)

install(TARGETS kamerzoek EXPORT kamerzoekTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/kamerzoek
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")

# The command line, finding an installed shared libkamerzoek beside it.
set_target_properties(kamerzoek_cli PROPERTIES INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}")
install(TARGETS kamerzoek_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

install(EXPORT kamerzoekTargets NAMESPACE kamerzoek:: DESTINATION ${kamerzoek_cmake_dir})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/kamerzoekConfig.cmake.in
  ${PROJECT_BINARY_DIR}/kamerzoekConfig.cmake INSTALL_DESTINATION ${kamerzoek_cmake_dir})
# Before 1.0 a minor version may change the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/kamerzoekConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/kamerzoekConfig.cmake ${PROJECT_BINARY_DIR}/kamerzoekConfigVersion.cmake
  DESTINATION ${kamerzoek_cmake_dir})

configure_file(${CMAKE_CURRENT_LIST_DIR}/kamerzoek.pc.in ${PROJECT_BINARY_DIR}/kamerzoek.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/kamerzoek.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
