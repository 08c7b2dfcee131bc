// The search page served at GET /: server/search_page.html, embedded into
// the binary when CMake configures (see server/CMakeLists.txt).
#pragma once

#include <string_view>

namespace kamerzoek::server {

extern const std::string_view kSearchPage;

}  // namespace kamerzoek::server
