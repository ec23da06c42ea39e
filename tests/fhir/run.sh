#!/bin/sh
# run.sh check|setup|SCRIPT ARGS... - runs the FHIR tests' node programs against the real
# FHIR engine of package-lock.json. `check` only checks for Node.js; `setup` installs the
# engine (npm ci, only when the lock changed) into $FHIR_TEST_DIR beside copies of the
# programs; anything else runs `node SCRIPT ARGS...` there.
# Without Node.js 20.19 or newer (the engine's own requirement) it exits 77, which CTest
# reports as skipped, never as passed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
dir=${FHIR_TEST_DIR:?FHIR_TEST_DIR must name the folder to install into}

if ! command -v node >/dev/null 2>&1; then
    echo "SKIP: the FHIR tests need Node.js 20.19 or newer; node is not installed" >&2
    exit 77
fi
version=$(node -p 'process.versions.node' 2>/dev/null) || version=0
major=${version%%.*}
rest=${version#*.}
minor=${rest%%.*}
if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
    echo "SKIP: the FHIR tests need Node.js 20.19 or newer; this is $version" >&2
    exit 77
fi

[ "$1" = check ] && exit 0
if [ "$1" = setup ]; then
    command -v npm >/dev/null 2>&1 || { echo "SKIP: npm is not installed" >&2; exit 77; }
    mkdir -p "$dir" || exit 1
    cp "$here"/*.mjs "$dir"/ || exit 1
    if ! cmp -s "$here/package-lock.json" "$dir/package-lock.installed" || [ ! -d "$dir/node_modules" ]; then
        cp "$here/package.json" "$here/package-lock.json" "$dir"/ || exit 1
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || exit 1
        cp "$here/package-lock.json" "$dir/package-lock.installed"
    fi
    exit 0
fi
[ -d "$dir/node_modules" ] || { echo "the FHIR engine is not installed in $dir (test fhir.setup)" >&2; exit 1; }
cp "$here"/*.mjs "$dir"/ || exit 1
script=$1
shift
exec node "$dir/$script" "$@"
