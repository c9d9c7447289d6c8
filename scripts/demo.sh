#!/usr/bin/env bash
# make demo: runs what ciliumkit can do on this node so far, step by step.
# Later issues extend it to install, endpoints, policy, traffic, flows and map entries.
set -euo pipefail
cd "$(dirname "$0")/.."
cilium() { node bin/cilium.js "$@"; }
hubble() { node bin/hubble.js "$@"; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config   # the demo never touches your own hubble config

step "cilium --help"
cilium --help
step "hubble --help (the same commands as cilium hubble)"
hubble --help

step "hubble config: set, get, view (file: $XDG_CONFIG_HOME/hubble/config.yaml)"
hubble config set server localhost:4245
hubble config set tls-ca-cert-files ca.pem,other-ca.pem
hubble config get tls-ca-cert-files
HUBBLE_TIMEOUT=10s hubble config view
hubble config reset

step "shell completion: a TAB on 'hubble config get tls-s' in bash, zsh and fish"
mkdir -p "$work/bin"
for b in cilium hubble; do printf '#!/bin/sh\nexec node %s/bin/%s.js "$@"\n' "$PWD" "$b" > "$work/bin/$b"; done
chmod +x "$work/bin/"*
PATH=$work/bin:$PATH bash -c 'source <(hubble completion bash)
  COMP_WORDS=(hubble config get tls-s); COMP_CWORD=3; __ck_hubble_complete; echo "bash: ${COMPREPLY[*]}"'
PATH=$work/bin:$PATH zsh -f -c 'compdef() { :; }; compadd() { shift $(( ${@[(i)--]} )); print -r "zsh: ${(M)@:#tls-s*}"; }
  source <(hubble completion zsh); words=(hubble config get tls-s); CURRENT=4; __ck_hubble_complete'
PATH=$work/bin:$PATH fish --no-config -c 'hubble completion fish | source; echo "fish: "(complete -C "hubble config get tls-s")'
