#!/usr/bin/env bash
# Set up xlate on a fresh machine, idempotently: system packages (Apertium with the data of the
# Spanish, French, Catalan and Galician pairs, English word lists, WordNet, English and Spanish
# Hunspell dictionaries, and the German one that tells German words from quoted Latin or French for
# the German pair; Chromium for the HTML report test with --test),
# a virtual environment at .venv and the package in editable mode.
#   scripts/setup.sh           what `xlate check` needs
#   scripts/setup.sh --test    also what the test suite needs
set -euo pipefail
cd "$(dirname "$0")/.."

extras="."
packages=(apertium apertium-eng-spa apertium-fr-es apertium-eng-cat apertium-en-gl wamerican-large wbritish-large wordnet-base wordnet-sense-index hunspell-en-us hunspell-en-gb hunspell-es hunspell-de-de)
if [[ "${1:-}" == "--test" ]]; then
  extras=".[test,neural,dask]"
  packages+=(chromium)
fi

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "setup: installing ${missing[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq >/dev/null
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: please install these Debian packages (xlate runs without them, with fewer checks):" >&2
    echo "  apt-get install -y ${missing[*]}" >&2
  fi
fi

if [[ ! -x .venv/bin/python ]]; then
  python3 -m venv .venv
fi
stamp=".venv/.xlate-installed-$(sha256sum pyproject.toml | cut -c1-16)-${extras//[^a-z]/}"
if [[ ! -f "$stamp" ]]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e "$extras"
  touch "$stamp"
fi
