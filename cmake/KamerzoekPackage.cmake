# The Debian package (CPack DEB): the command line, the shared library with
# its SONAME, headers, pkg-config file and CMake package, man pages, and the
# systemd units with their config in /etc/kamerzoek. Built and tested by
# scripts/check-package.sh:
#   cmake -S . -B build-deb -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_SHARED_LIBS=ON \
#         -DKAMERZOEK_INSTALL_SYSTEMD=ON -DKAMERZOEK_BUILD_TESTS=OFF
#   cmake --build build-deb && (cd build-deb && cpack -G DEB)
include(GNUInstallDirs)

option(KAMERZOEK_INSTALL_SYSTEMD "Install the systemd units and their config in /etc/kamerzoek" OFF)

# Man pages, one per command, from their --help (help2man).
find_program(KAMERZOEK_HELP2MAN help2man)
if(KAMERZOEK_HELP2MAN)
  set(kamerzoek_man_dir ${PROJECT_BINARY_DIR}/man)
  set(kamerzoek_man_pages kamerzoek.1.gz)
  foreach(command index search show cites stats serve)
    list(APPEND kamerzoek_man_pages kamerzoek-${command}.1.gz)
  endforeach()
  list(TRANSFORM kamerzoek_man_pages PREPEND ${kamerzoek_man_dir}/ OUTPUT_VARIABLE kamerzoek_man_files)
  add_custom_command(OUTPUT ${kamerzoek_man_files}
    COMMAND ${PROJECT_SOURCE_DIR}/packaging/make-man-pages.sh ${KAMERZOEK_HELP2MAN}
            $<TARGET_FILE:kamerzoek_cli> ${PROJECT_VERSION} ${kamerzoek_man_dir}
    DEPENDS kamerzoek_cli ${PROJECT_SOURCE_DIR}/packaging/make-man-pages.sh
    COMMENT "Man pages from --help")
  add_custom_target(kamerzoek_man_pages ALL DEPENDS ${kamerzoek_man_files})
  install(FILES ${kamerzoek_man_files} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
elseif(KAMERZOEK_INSTALL_SYSTEMD)
  message(FATAL_ERROR "the package needs help2man for its man pages (scripts/install-deps.sh)")
endif()

if(KAMERZOEK_INSTALL_SYSTEMD)
  # systemd's StateDirectory=kamerzoek: always /var/lib/kamerzoek.
  set(KAMERZOEK_STATE_DIR /var/lib/kamerzoek)
  set(KAMERZOEK_CONFIG_DIR ${CMAKE_INSTALL_FULL_SYSCONFDIR}/kamerzoek)
  set(KAMERZOEK_BINARY ${CMAKE_INSTALL_FULL_BINDIR}/kamerzoek)
  set(KAMERZOEK_DOC_DIR ${CMAKE_INSTALL_FULL_DOCDIR})
  set(kamerzoek_packaging ${PROJECT_SOURCE_DIR}/packaging)
  set(kamerzoek_generated ${PROJECT_BINARY_DIR}/packaging)
  foreach(unit kamerzoek-index.service kamerzoek-serve.service)
    configure_file(${kamerzoek_packaging}/systemd/${unit}.in ${kamerzoek_generated}/${unit} @ONLY)
  endforeach()
  foreach(config index.conf serve.conf)
    configure_file(${kamerzoek_packaging}/config/${config}.in ${kamerzoek_generated}/${config} @ONLY)
  endforeach()
  install(FILES ${kamerzoek_generated}/kamerzoek-index.service ${kamerzoek_generated}/kamerzoek-serve.service
                ${kamerzoek_packaging}/systemd/kamerzoek-index.timer
          DESTINATION lib/systemd/system)
  install(FILES ${kamerzoek_generated}/index.conf ${kamerzoek_generated}/serve.conf
          DESTINATION ${KAMERZOEK_CONFIG_DIR})
  install(FILES README.md docs/DEPLOYMENT.md docs/HTTP_API.md docs/JSON.md
          DESTINATION ${CMAKE_INSTALL_DOCDIR})
  file(WRITE ${kamerzoek_generated}/conffiles
       "${KAMERZOEK_CONFIG_DIR}/index.conf\n${KAMERZOEK_CONFIG_DIR}/serve.conf\n")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kamerzoek)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "full-text search in Dutch parliamentary papers")
set(CPACK_PACKAGE_DESCRIPTION
    "Indexes Kamerbrieven, annexes, Handelingen and other parliamentary papers in Dutch and\n"
    "English and answers queries with ranked passages and the official papers they cite.\n"
    "Includes the command line, the shared library with its headers, and systemd units\n"
    "for a nightly reindex and an HTTP search service.")
set(CPACK_PACKAGE_CONTACT "kamerzoek maintainers <kamerzoek@localhost>")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Library dependencies from the binaries (dpkg-shlibdeps finds libxapian30,
# libpoppler-cpp0v5, libgumbo1, libzip4, ...), and adduser for postinst;
# libzip4 is also stated, for the ODT reader, should shlibdeps be turned off.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, libzip4")
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
if(KAMERZOEK_INSTALL_SYSTEMD)
  set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
      ${PROJECT_SOURCE_DIR}/packaging/debian/postinst ${PROJECT_SOURCE_DIR}/packaging/debian/prerm
      ${PROJECT_SOURCE_DIR}/packaging/debian/postrm ${PROJECT_BINARY_DIR}/packaging/conffiles)
endif()
include(CPack)
