#!/usr/bin/env bash
# Runs every fuzz target of the module briefly, one after another.
#
# Usage: .ci/fuzz.sh [package pattern ...]      (default: ./...)
#
# Environment:
#   FUZZTIME   how long each target is fuzzed (default 10s; any -fuzztime value)
#   FUZZMIN    minimisation budget for a failing input (default 30s)
#
# Targets are discovered with `go test -list` (names starting with "Fuzz"),
# so a new target is picked up without editing this script. Each runs in its
# own package with -run '^$' (unit tests are the job of the normal test run)
# and -fuzz '^Name$'. A failing input is written by the go command to the
# package's testdata/fuzz/<Name>/ folder; the script prints its path and
# keeps going, then exits non-zero if any target failed. The last line is a
# summary "fuzz: N passed, N failed".
set -uo pipefail

cd "$(dirname "$0")/.."
fuzztime="${FUZZTIME:-10s}"
fuzzmin="${FUZZMIN:-30s}"
if [ "$#" -eq 0 ]; then
	set -- ./...
fi

list="$(mktemp)"
trap 'rm -f "$list"' EXIT
if ! go test -run '^$' -list '^Fuzz' "$@" >"$list" 2>&1; then
	cat "$list"
	echo "fuzz: listing the fuzz targets failed"
	exit 1
fi

# `go test -list` prints the matching names of a package, then a line
# "ok  <import path>  <time>"; pair each name with the package after it.
targets=()
names=()
while read -r first second _; do
	case "$first" in
	Fuzz*) names+=("$first") ;;
	ok)
		for n in "${names[@]}"; do
			targets+=("$second $n")
		done
		names=()
		;;
	esac
done <"$list"

if [ "${#targets[@]}" -eq 0 ]; then
	echo "fuzz: no fuzz targets found"
	echo "fuzz: 0 passed, 0 failed"
	exit 0
fi

pass=0
fail=0
failed=()
start=$SECONDS
for t in "${targets[@]}"; do
	pkg="${t% *}"
	name="${t#* }"
	echo "=== fuzz $pkg $name ($fuzztime)"
	t0=$SECONDS
	if go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" -fuzzminimizetime "$fuzzmin" "$pkg"; then
		pass=$((pass + 1))
		echo "--- ok   $pkg $name ($((SECONDS - t0))s)"
	else
		fail=$((fail + 1))
		failed+=("$pkg $name")
		echo "--- FAIL $pkg $name ($((SECONDS - t0))s)"
	fi
done

echo "fuzz: ${#targets[@]} targets in $((SECONDS - start))s"
for f in "${failed[@]+"${failed[@]}"}"; do
	echo "fuzz: FAIL $f (failing input under that package's testdata/fuzz/)"
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
