#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real: Chromium (search, accessibility and
# screenshot tests through playwright-core), bibtex + biber + pdflatex (the exported bibliography must be accepted
# by real BibTeX, and a document citing it must typeset; texlive-bibtex-extra has biblatex-examples.bib), xmllint
# (feeds and sitemap are checked as XML) and bibutils (biblatex2xml | xml2ris: the RIS the import tests make of real .bib files); with
# --bench also Hugo (the peer row of `npm run bench`). Needs root or sudo; skips what is there. `npm test` runs it
# first (the pretest script), `npm run bench` with --bench (prebench): when something is missing and cannot be
# installed here, it stops at once with the command to run.
set -euo pipefail
declare -A wanted=([chromium]=chromium [bibtex]=texlive-binaries [biber]=biber [pdflatex]=texlive-latex-base [xmllint]=libxml2-utils [kpsewhich]=texlive-binaries [biblatex2xml]=bibutils [xml2ris]=bibutils)
if [ "${1:-}" = "--bench" ]; then wanted[hugo]=hugo; fi
missing=()
for command in "${!wanted[@]}"; do
  command -v "$command" >/dev/null 2>&1 || missing+=("${wanted[$command]}")
done
# plain.bst comes with texlive-base; bibtex alone cannot find it without.
if command -v kpsewhich >/dev/null 2>&1 && [ -z "$(kpsewhich plain.bst 2>/dev/null)" ]; then missing+=(texlive-base); fi
# biblatex-examples.bib (a real biblatex file the BibTeX import and export tests read) comes with texlive-bibtex-extra.
if ! command -v kpsewhich >/dev/null 2>&1 || [ -z "$(kpsewhich biblatex-examples.bib 2>/dev/null)" ]; then missing+=(texlive-bibtex-extra); fi
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | LC_ALL=C sort -u)
command="apt-get update && apt-get install -y ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system packages missing: ${missing[*]} (Debian package names). This machine has no apt-get: install" >&2
  echo "the same programs with its package manager (chromium, bibtex + plain.bst, biber, pdflatex, biblatex-examples.bib, xmllint, bibutils)." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "system packages missing: ${missing[*]}. Not root and no sudo: as root, run" >&2
    echo "  $command" >&2
    exit 1
  fi
  SUDO="sudo"
fi
echo "system packages: installing ${missing[*]}"
if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
  echo "system packages: the install failed; as root, run" >&2
  echo "  $command" >&2
  exit 1
fi
