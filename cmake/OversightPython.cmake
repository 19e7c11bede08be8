# The Python binding (examples/python/oversight): which interpreter it is
# installed for and tested with, where it is installed, and how the installed
# package finds the installed liboversight_c without any environment variable.
#
#   OVERSIGHT_PYTHON               the interpreter: Debian's /usr/bin/python3 when
#                                  there is one (it has python3-icalendar and
#                                  python3-jsonschema for the tests), else Python3
#   OVERSIGHT_PYTHON_INSTALL_DIR   where the package goes, relative to the
#                                  install prefix (never absolute: the package
#                                  finds the library by a path relative to
#                                  itself, inside the prefix); by default the
#                                  interpreter's own layout under its prefix,
#                                  asked of the interpreter: Debian 12's
#                                  python3 gives lib/python3.11/dist-packages,
#                                  which it searches under /usr/local.
#
# At install time a file beside the package, oversight/_library_path.txt,
# records the library's path relative to the package, so that an install
# tree moved whole still works (examples/python/oversight/_lib.py reads it).

if(EXISTS /usr/bin/python3)
  set(_oversight_python /usr/bin/python3)
else()
  find_package(Python3 COMPONENTS Interpreter)
  set(_oversight_python "${Python3_EXECUTABLE}")
endif()
set(OVERSIGHT_PYTHON "${_oversight_python}" CACHE FILEPATH
    "The Python interpreter the ctypes binding is installed for and tested with")

# The default is asked of the interpreter, again whenever OVERSIGHT_PYTHON
# changes (unless the folder was set by hand).
if(OVERSIGHT_PYTHON AND (NOT DEFINED CACHE{OVERSIGHT_PYTHON_INSTALL_DIR} OR
   (NOT OVERSIGHT_PYTHON STREQUAL _OVERSIGHT_PYTHON_ASKED AND
    OVERSIGHT_PYTHON_INSTALL_DIR STREQUAL _OVERSIGHT_PYTHON_ANSWER)))
  # The interpreter's site-packages relative to its own prefix: the same
  # folder under our prefix is one it searches (for its own prefix) or the
  # one to name in PYTHONPATH (for any other).
  execute_process(
    COMMAND "${OVERSIGHT_PYTHON}" -c
            "import os, sysconfig; print(os.path.relpath(sysconfig.get_path('purelib'), sysconfig.get_path('data')).replace(os.sep, '/'))"
    OUTPUT_VARIABLE _oversight_python_dir OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE _oversight_python_rc)
  if(NOT _oversight_python_rc EQUAL 0 OR _oversight_python_dir STREQUAL "")
    message(FATAL_ERROR "${OVERSIGHT_PYTHON} did not say where it installs packages; set OVERSIGHT_PYTHON_INSTALL_DIR")
  endif()
  set(OVERSIGHT_PYTHON_INSTALL_DIR "${_oversight_python_dir}" CACHE STRING
      "Where the Python package oversight is installed, relative to the install prefix" FORCE)
  set(_OVERSIGHT_PYTHON_ASKED "${OVERSIGHT_PYTHON}" CACHE INTERNAL "")
  set(_OVERSIGHT_PYTHON_ANSWER "${_oversight_python_dir}" CACHE INTERNAL "")
endif()
if(IS_ABSOLUTE "${OVERSIGHT_PYTHON_INSTALL_DIR}")
  message(FATAL_ERROR "OVERSIGHT_PYTHON_INSTALL_DIR (${OVERSIGHT_PYTHON_INSTALL_DIR}) must be relative to the "
                      "install prefix: the installed package finds liboversight_c by a path relative to itself")
endif()

# oversight_install_python_package(): the install rules (with OVERSIGHT_INSTALL).
function(oversight_install_python_package)
  if(NOT OVERSIGHT_PYTHON_INSTALL_DIR)
    message(STATUS "Python package: not installed (no interpreter; set OVERSIGHT_PYTHON_INSTALL_DIR)")
    return()
  endif()
  message(STATUS "Python package: <prefix>/${OVERSIGHT_PYTHON_INSTALL_DIR}/oversight (for ${OVERSIGHT_PYTHON})")
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/python/oversight DESTINATION ${OVERSIGHT_PYTHON_INSTALL_DIR}
          FILES_MATCHING PATTERN "*.py" PATTERN "__pycache__" EXCLUDE)
  if(WIN32)
    set(library "${CMAKE_INSTALL_BINDIR}/$<TARGET_FILE_NAME:oversight_c>")
  else()
    set(library "${CMAKE_INSTALL_LIBDIR}/$<TARGET_SONAME_FILE_NAME:oversight_c>")
  endif()
  set(package "${OVERSIGHT_PYTHON_INSTALL_DIR}/oversight")
  # Run by `cmake --install`: CMAKE_INSTALL_PREFIX is then the prefix given
  # (--prefix), and file(INSTALL) adds DESTDIR and records the file. The file
  # is written first in a folder of its own per destination, so that two
  # installs at once (ctest -j) never copy each other's half-written file.
  set(code [=[
    set(package "@package@")
    set(library "@library@")
    foreach(path package library)
      if(NOT IS_ABSOLUTE "${${path}}")
        set(${path} "${CMAKE_INSTALL_PREFIX}/${${path}}")
      endif()
    endforeach()
    file(RELATIVE_PATH relative "${package}" "${library}")
    string(MD5 destination "$ENV{DESTDIR}${package}")
    set(written "@PROJECT_BINARY_DIR@/python/${destination}/_library_path.txt")
    file(WRITE "${written}" "${relative}\n")
    file(INSTALL DESTINATION "${package}" TYPE FILE FILES "${written}")
  ]=])
  string(CONFIGURE "${code}" code @ONLY)
  install(CODE "${code}")
endfunction()
