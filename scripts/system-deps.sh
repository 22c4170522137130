#!/bin/sh
# Debian packages for the PDFs and the browser tests: Chromium (never a downloaded browser),
# poppler's pdfinfo/pdftotext/pdffonts, and CJK fonts: Noto Serif/Sans CJK SC/TC/HK in every weight for
# the print edition (scripts/pdf.py), BabelStone Han and HanaMin for characters Noto lacks;
# epubcheck, zimcheck (zim-tools) and kiwix-serve (kiwix-tools) check the EPUBs and the ZIM.
PKGS="chromium poppler-utils fonts-noto-cjk fonts-noto-cjk-extra fonts-babelstone-han fonts-hanazono fonts-wqy-zenhei epubcheck zim-tools kiwix-tools"
missing=""
for p in $PKGS; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "missing Debian packages:$missing"
  echo "install them with: sudo apt-get install$missing"
  echo "(the site and the offline bundle still build; PDFs and browser tests need them)"
fi
