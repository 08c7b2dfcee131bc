# The library's modules, one object library per folder, combined into the one
# libkamerzoek. The layering of docs/ARCHITECTURE.md is enforced here: a
# module is compiled against an include root of its own (in the build tree)
# holding links to its folder and to the folders below it only, so an
# #include of a module above it does not compile. include/kamerzoek/ (the
# public API) is visible to every module.

# Makes <build>/layers/<name>/ with a link to each of `entries` (source
# folders, or single headers for a documented exception) and puts its path
# in `out`.
function(kamerzoek_layer_root out name)
  set(root ${PROJECT_BINARY_DIR}/layers/${name})
  foreach(entry IN LISTS ARGN)
    get_filename_component(parent ${root}/${entry} DIRECTORY)
    file(MAKE_DIRECTORY ${parent})
    if(NOT IS_SYMLINK ${root}/${entry})
      file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${entry} ${root}/${entry} SYMBOLIC)
    endif()
  endforeach()
  set(${out} ${root} PARENT_SCOPE)
endfunction()

# kamerzoek_module(<folder> SEES <folder or header>...) defines
# kamerzoek_<folder> from the folder's *.cc (fuzz targets left out). SEES
# lists the modules below it. The libraries it may use are those of
# kamerzoek_dependencies (defined in the top CMakeLists.txt).
function(kamerzoek_module name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SEES")
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  list(FILTER sources EXCLUDE REGEX "_fuzz\\.cc$")
  if(KAMERZOEK_EXCLUDE_SOURCES)  # for building while a file is being rewritten
    list(FILTER sources EXCLUDE REGEX "${KAMERZOEK_EXCLUDE_SOURCES}")
  endif()
  set(target kamerzoek_${name})
  add_library(${target} OBJECT ${sources})
  kamerzoek_layer_root(root ${name} ${name} ${arg_SEES})
  target_include_directories(${target} PRIVATE ${root} ${PROJECT_SOURCE_DIR}/include)
  target_link_libraries(${target} PRIVATE kamerzoek_flags kamerzoek_dependencies)
  # Only what include/kamerzoek/ marks KAMERZOEK_EXPORT is exported from the
  # shared library (docs/API.md).
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON
                        CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  set_property(GLOBAL APPEND PROPERTY KAMERZOEK_MODULES ${target})
endfunction()

# The objects of every module, for the targets that build the library from them.
function(kamerzoek_module_objects out)
  get_property(modules GLOBAL PROPERTY KAMERZOEK_MODULES)
  set(objects)
  foreach(module IN LISTS modules)
    list(APPEND objects $<TARGET_OBJECTS:${module}>)
  endforeach()
  set(${out} ${objects} PARENT_SCOPE)
endfunction()
