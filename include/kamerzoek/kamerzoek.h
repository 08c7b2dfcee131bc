// The public API of kamerzoek: include this header only.
#pragma once

#include "kamerzoek/error.h"
#include "kamerzoek/indexer.h"
#include "kamerzoek/searcher.h"
#include "kamerzoek/types.h"
#include "kamerzoek/version.h"
