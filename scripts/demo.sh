#!/usr/bin/env bash
# make demo: what ciliumkit does on this node, step by step. As root it installs ciliumkit
# (datapath + agent), makes endpoints, applies the seeds' policies, sends allowed and denied
# traffic and shows the flows and the policy map rows, then uninstalls (KEEP=1 keeps it).
# Then it shows the offline parts: a saved flow log, policy validation, a policy map in a
# bpffs of its own, hubble config and shell completion.
set -euo pipefail
cd "$(dirname "$0")/.."
cilium() { node bin/cilium.js "$@"; }
hubble() { node bin/hubble.js "$@"; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

work=$(mktemp -d)
cleanup() {
  mountpoint -q "$work/bpffs" 2>/dev/null && umount "$work/bpffs"
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME=$work/config   # the demo never touches your own hubble config

step "cilium --help"
cilium --help
step "hubble --help (the same commands as cilium hubble)"
hubble --help

if [ "$(id -u)" -eq 0 ]; then
  # shellcheck source=scripts/demo-steps.sh
  source scripts/demo-steps.sh
  ( ck_demo_node )   # a subshell: its exports (HUBBLE_SERVER, ...) stay in it
else
  step "install, endpoints, policies and live flows: skipped (run make demo as root)"
fi

flows=test/fixtures/peers/sample-flows.jsonl
step "hubble observe: a saved flow log ($flows), the last 5 flows"
hubble observe --input-file "$flows" --last 5
step "hubble observe --http-method POST"
hubble observe --input-file "$flows" --http-method POST
step "hubble observe --verdict DROPPED -o dict"
hubble observe --input-file "$flows" --verdict DROPPED -o dict

step "cilium policy validate: the demo policies, and one with a bad rule"
for f in test/fixtures/policy/{frontend-backend,metric-post,world-lockdown}.yaml; do
  printf '%s: ' "$f"; cilium policy validate "$f"
done
cilium policy validate test/fixtures/policy/one-invalid.yaml || echo "(exit $?: nothing would be imported)"

if [ "$(id -u)" -eq 0 ]; then
  step "cilium bpf: a policy map in a bpffs of the demo's own ($work/bpffs), written and decoded"
  mkdir -p "$work/bpffs" && mount -t bpf bpf "$work/bpffs" && mkdir -p "$work/bpffs/tc/globals"
  bpftool map create "$work/bpffs/tc/globals/cilium_policy_v2_00042" type lpm_trie key 12 value 8 \
    entries 16384 name cilium_policy_v flags 1
  export CILIUM_BPFFS=$work/bpffs
  cilium bpf policy add 42 ingress 2 80/tcp
  cilium bpf policy add 42 egress 0 53/udp
  cilium bpf policy add 42 ingress 2 22/tcp --deny
  cilium bpf policy get 42
  cilium bpf map list
  cilium bpf map get cilium_policy_v2_00042
  unset CILIUM_BPFFS
else
  step "cilium bpf: skipped (needs root to mount a bpffs)"
fi

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
