#!/usr/bin/env bash
# Installs what building and testing kamerzoek needs on Debian 12 (as root,
# or with sudo). Safe to run again.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  libxapian-dev xapian-tools libicu-dev libpugixml-dev libpoppler-cpp-dev libgumbo-dev
  libzip-dev  # ODT (corpus/readers/odt_reader.cc)
  libcli11-dev nlohmann-json3-dev libfmt-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev poppler-utils
  help2man
  python3 chromium
  dict-freedict-nld-eng dict-freedict-eng-nld  # the bilingual lexicon (scripts/build-lexicon.py)
  dict-freedict-nld-deu dict-freedict-deu-nld dict-freedict-deu-eng dict-freedict-eng-deu  # its pairs through German
  dict-freedict-nld-fra dict-freedict-fra-nld dict-freedict-fra-eng dict-freedict-eng-fra  # ... French
  dict-freedict-nld-spa dict-freedict-spa-eng dict-freedict-eng-spa  # ... Spanish
  dict-freedict-nld-ita dict-freedict-ita-eng dict-freedict-eng-ita  # ... Italian
  dict-freedict-nld-swe dict-freedict-swe-nld dict-freedict-swe-eng dict-freedict-eng-swe  # ... Swedish
  dict-freedict-nld-por dict-freedict-por-eng dict-freedict-eng-por  # ... Portuguese
  wbritish wdutch  # words spelling suggestions leave alone (searcher/word_lists.cc)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
