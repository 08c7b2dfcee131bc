#include "kamerzoek/version.h"

namespace kamerzoek {

const char* version() noexcept { return KAMERZOEK_VERSION_STRING; }

}  // namespace kamerzoek
