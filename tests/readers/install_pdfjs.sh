#!/bin/sh
# Installs Mozilla PDF.js (npm pdfjs-dist, pinned) into BUILD_DIR/readers for
# the readers tests, once; never into the source tree. 4.8.69 is the last
# release that runs on Debian 12's Node 18 (engines: node >= 18).
# Usage: install_pdfjs.sh BUILD_DIR SOURCE_DIR
set -eu
mkdir -p "$1/readers"
# Absolute: node's require() takes a bare 'build/…' for a package name.
dir=$(cd "$1/readers" && pwd)
version=4.8.69
cp "$2/tests/readers/read_with_pdfjs.mjs" "$dir/"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "install_pdfjs.sh: node and npm are needed (Debian 12: apt-get install nodejs npm)" >&2
  exit 1
fi
installed=$(node -p "require('$dir/node_modules/pdfjs-dist/package.json').version" 2>/dev/null || true)
if [ "$installed" != "$version" ]; then
  [ -f "$dir/package.json" ] || echo '{"private": true}' >"$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --omit=optional --loglevel=error "pdfjs-dist@$version" >&2
fi
node -p "require('$dir/node_modules/pdfjs-dist/package.json').version"
