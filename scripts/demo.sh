#!/usr/bin/env bash
# make demo: runs what ciliumkit can do on this node so far, step by step.
# Later issues extend it to install, endpoints, policy, traffic, flows and map entries.
set -euo pipefail
cd "$(dirname "$0")/.."
cilium() { node bin/cilium.js "$@"; }
hubble() { node bin/hubble.js "$@"; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cilium --help"
cilium --help
step "hubble --help"
hubble --help
