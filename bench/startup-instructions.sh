#!/usr/bin/env bash
# Instructions executed by one cold start (valgrind callgrind): unlike wall time, the count
# does not move with the load on a shared machine. Slow (minutes). Run after `make build`:
#   bash bench/startup-instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
count() {
  local envcmd=$1; shift
  $envcmd valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*Collected : //p'
}
for label in "as set here" "NODE_EXTRA_CA_CERTS unset"; do
  if [ "$label" = "as set here" ]; then e=env; else e="env -u NODE_EXTRA_CA_CERTS"; fi
  base=$(count "$e" node -e 0)
  printf 'startup instructions, environment %s\n  %-42s %12d  1.00x\n' "$label" 'node -e 0' "$base"
  for cmd in "bin/cilium.js --help" "bin/hubble.js __complete observe --verdict ''"; do
    n=$(eval count "'$e'" node $cmd)
    printf '  %-42s %12d  %.2fx\n' "$cmd" "$n" "$(awk -v n="$n" -v b="$base" 'BEGIN { print n / b }')"
  done
done
