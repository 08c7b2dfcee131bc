// The version of kamerzoek these headers belong to. This file is the one home
// of the version number: CMakeLists.txt reads it for project(VERSION).
#pragma once

#define KAMERZOEK_VERSION_MAJOR 0
#define KAMERZOEK_VERSION_MINOR 1
#define KAMERZOEK_VERSION_PATCH 0
#define KAMERZOEK_VERSION_STRING "0.1.0"
