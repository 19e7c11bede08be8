// The library's version (STYLE C10): OVERSIGHT_VERSION_MAJOR/MINOR/PATCH,
// _STRING, _NUMBER and OVERSIGHT_ABI_VERSION, generated from project(VERSION)
// into <oversight/c/version.h>, which the C and C++ headers share.
#pragma once

#include <oversight/c/version.h>
