// The version of kamerzoek these headers belong to. This file is the one home
// of the version number: CMakeLists.txt reads it for project(VERSION).
#pragma once

#include "kamerzoek/export.h"

#define KAMERZOEK_VERSION_MAJOR 0
#define KAMERZOEK_VERSION_MINOR 1
#define KAMERZOEK_VERSION_PATCH 0
#define KAMERZOEK_VERSION_STRING "0.1.0"

namespace kamerzoek {

/// The version of the library actually loaded, "MAJOR.MINOR.PATCH". It
/// differs from KAMERZOEK_VERSION_STRING (the headers a program was compiled
/// with) when the program runs against another libkamerzoek.so.
KAMERZOEK_EXPORT const char* version() noexcept;

}  // namespace kamerzoek
