#!/bin/sh
# Writes kamerzoek.1.gz and kamerzoek-COMMAND.1.gz from the --help of each
# command (gzipped, as Debian installs man pages).
# Usage: make-man-pages.sh HELP2MAN KAMERZOEK_BINARY VERSION OUT_DIR
set -eu
help2man=$1 binary=$2 version=$3 out=$4
mkdir -p "$out"
"$help2man" --no-info --no-discard-stderr --version-string="$version" \
    --name="full-text search in Dutch parliamentary papers" \
    --output="$out/kamerzoek.1" "$binary"
gzip -n -9 -f "$out/kamerzoek.1"
for command in index search show cites stats serve; do
    # The command's one-line description, as `kamerzoek --help` lists it.
    summary=$("$binary" --help | sed -n "s/^  $command  *//p" | head -n 1)
    "$help2man" --no-info --no-discard-stderr --version-string="$version" \
        --help-option="$command --help" --name="${summary:-kamerzoek $command}" \
        --output="$out/kamerzoek-$command.1.tmp" "$binary"
    # help2man names the page after the binary; this page is the command's.
    sed -e "s/^\.TH KAMERZOEK /.TH KAMERZOEK-$(echo "$command" | tr a-z A-Z) /" \
        -e "s/^kamerzoek \\\\- /kamerzoek-$command \\\\- /" \
        "$out/kamerzoek-$command.1.tmp" >"$out/kamerzoek-$command.1"
    rm "$out/kamerzoek-$command.1.tmp"
    gzip -n -9 -f "$out/kamerzoek-$command.1"
done
