#!/usr/bin/env bash
# Checks the package as published: build, `npm pack`, then publint and @arethetypeswrong/cli on the tarball.
# Exits non-zero as soon as one step fails. Usage: npm run check:package (or bash scripts/check-package.sh).
set -euo pipefail

cd "$(dirname "$0")/.."

dest="$(mktemp -d "${TMPDIR:-/tmp}/jixiao-check-package.XXXXXX")"
trap 'rm -rf "$dest"' EXIT

echo "==> build"
npm run build

echo "==> npm pack → $dest"
npm pack --pack-destination "$dest" >/dev/null
tarball="$(ls "$dest"/*.tgz)"
echo "    $tarball"
tar -tzf "$tarball" | sed 's/^/    /'

echo "==> publint (strict: warnings fail too)"
npx --no -- publint run --strict "$tarball"

echo "==> attw (all resolution modes: node10, node16 from CJS, node16 from ESM, bundler)"
# No --profile and no --ignore-rules: every entry point resolves with correct types in every mode.
# The CLI (dist/cli.js, ESM only) is reached through `bin`, not `exports`, so attw does not see it and it
# cannot cause a false positive; there is nothing to ignore.
npx --no -- attw "$tarball"

echo "==> package OK"
