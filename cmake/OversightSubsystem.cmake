# oversight_subsystem(<name> SOURCES <file>... [USES <subsystem>...]
#                     [LIBRARIES <third-party target>...])
#
# Declares one subsystem of the C++ core (lib/<name>/, headers in
# include/oversight/<name>/; see lib/README.md). Its sources become an
# OBJECT library `oversight_<name>` whose objects go into `oversight`.
#
# Dependencies run one way, in the order of OVERSIGHT_SUBSYSTEMS: a
# subsystem may USE only subsystems listed before it, and is refused at
# configure time otherwise. Third-party LIBRARIES are linked to this
# subsystem only, so a header it does not declare (SQLiteCpp outside the
# store, say) does not compile. The graph is written to
# ${PROJECT_BINARY_DIR}/subsystems.json, which the layout test
# (tests/layout/check_layout.py) checks every #include against.
function(oversight_subsystem name)
  cmake_parse_arguments(S "" "" "SOURCES;USES;LIBRARIES" ${ARGN})
  list(FIND OVERSIGHT_SUBSYSTEMS ${name} position)
  if(position EQUAL -1)
    message(FATAL_ERROR "subsystem ${name} is not in OVERSIGHT_SUBSYSTEMS")
  endif()
  foreach(used ${S_USES})
    list(FIND OVERSIGHT_SUBSYSTEMS ${used} used_position)
    if(used_position EQUAL -1 OR NOT used_position LESS position)
      message(FATAL_ERROR "subsystem ${name} may not use ${used}: dependencies run one way "
                          "(${OVERSIGHT_SUBSYSTEMS}); a subsystem uses only those before it")
    endif()
  endforeach()

  set(target oversight_${name})
  add_library(${target} OBJECT ${S_SOURCES})
  target_compile_features(${target} PUBLIC cxx_std_17)
  target_include_directories(${target} PRIVATE
    ${PROJECT_SOURCE_DIR}/include ${OVERSIGHT_GENERATED_INCLUDE} ${PROJECT_SOURCE_DIR}/lib)
  foreach(lib ${S_LIBRARIES})
    target_link_libraries(${target} PRIVATE ${lib})
    target_link_libraries(oversight PRIVATE $<BUILD_INTERFACE:${lib}>)
  endforeach()
  oversight_target_defaults(${target})
  if(OVERSIGHT_FUZZ)
    # Coverage for libFuzzer in our own code (Debian's libraries are prebuilt).
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined
                           -fno-sanitize-recover=all -fno-omit-frame-pointer)
  endif()
  target_sources(oversight PRIVATE $<TARGET_OBJECTS:${target}>)

  set_property(GLOBAL APPEND PROPERTY OVERSIGHT_DECLARED_SUBSYSTEMS ${name})
  set_property(GLOBAL PROPERTY OVERSIGHT_USES_${name} "${S_USES}")
endfunction()

# Writes the declared graph for the layout test, once every subsystem is in.
function(oversight_write_subsystem_graph)
  get_property(declared GLOBAL PROPERTY OVERSIGHT_DECLARED_SUBSYSTEMS)
  if(NOT declared STREQUAL OVERSIGHT_SUBSYSTEMS)
    message(FATAL_ERROR "declared subsystems (${declared}) differ from OVERSIGHT_SUBSYSTEMS (${OVERSIGHT_SUBSYSTEMS})")
  endif()
  set(items "")
  foreach(name ${OVERSIGHT_SUBSYSTEMS})
    get_property(uses GLOBAL PROPERTY OVERSIGHT_USES_${name})
    set(quoted "")
    foreach(u ${uses})
      list(APPEND quoted "\"${u}\"")
    endforeach()
    list(JOIN quoted ", " quoted)
    list(APPEND items "    \"${name}\": [${quoted}]")
  endforeach()
  list(JOIN items ",\n" body)
  set(order "")
  foreach(name ${OVERSIGHT_SUBSYSTEMS})
    list(APPEND order "\"${name}\"")
  endforeach()
  list(JOIN order ", " order)
  file(CONFIGURE OUTPUT ${PROJECT_BINARY_DIR}/subsystems.json @ONLY CONTENT
       "{\n  \"order\": [@order@],\n  \"uses\": {\n@body@\n  }\n}\n")
endfunction()
