#!/usr/bin/env bash
# What the tests need from the system besides .NET and Node: Chromium for the browser tests (BROADSHEET_CHROMIUM,
# else /usr/bin/chromium), a CJK font so their screenshots show Chinese, and pdftotext for the corpus renderer's PDF
# styles. Installs what is missing from Debian/Ubuntu with apt-get when it may (as root, or with sudo that needs no
# password); otherwise, or with BROADSHEET_INSTALL=no, prints one line with the exact command and exits 1.
set -euo pipefail
chromium="${BROADSHEET_CHROMIUM:-/usr/bin/chromium}"
missing=()
[[ -x "$chromium" ]] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
[[ ${#missing[@]} -eq 0 ]] && exit 0

install="apt-get update && apt-get install -y ${missing[*]}"
sudo=()
if [[ "${BROADSHEET_INSTALL:-yes}" == no ]] || ! command -v apt-get >/dev/null; then
  sudo=(none)
elif [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo); else sudo=(none); fi
fi
if [[ "${sudo[*]}" == none ]]; then
  echo "tests: missing ${missing[*]} — install with: sudo sh -c '$install' (then run this again)" >&2
  exit 1
fi
echo "tests: installing ${missing[*]} (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
[[ -x "$chromium" ]] || { echo "tests: Chromium is installed but not at $chromium — set BROADSHEET_CHROMIUM to its path" >&2; exit 1; }
