// KAMERZOEK_EXPORT marks what the shared library exports. The library is
// built with -fvisibility=hidden: a class or function of the public API
// without it would link in a static build and fail in a shared one
// (docs/API.md).
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define KAMERZOEK_EXPORT __attribute__((visibility("default")))
#else
#define KAMERZOEK_EXPORT
#endif
