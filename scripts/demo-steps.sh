# shellcheck shell=bash
# The node part of `make demo` (issue #8), sourced by scripts/demo.sh: install, endpoints like the
# seeds' (role=frontend, role=backend, app=myService) and a `world` namespace outside the pool,
# the seeds' policies, allowed and denied traffic (HTTP GET and POST), then the flows, the policy
# map rows and the endpoints; uninstall at the end unless KEEP=1.
#
#   source scripts/demo-steps.sh; ck_demo_node
#
# DEMO_ROOT=<dir> puts everything (state, bpffs, sockets) under <dir> instead of Cilium's default
# paths; the test of the demo uses it. Expects `cilium`, `hubble` and `step` from demo.sh.

ck_demo_node() {
  local pool=10.210.0.0/24 router=10.210.0.1 flags=() world=ck-demo-world
  # hubble's default server is Relay's localhost:4245; the node's Hubble is the agent's unix socket.
  export HUBBLE_SERVER=unix:///var/run/cilium/hubble.sock
  if [ -n "${DEMO_ROOT:-}" ]; then
    flags=(--state-dir "$DEMO_ROOT/state" --bpffs "$DEMO_ROOT/bpffs" --socket "$DEMO_ROOT/run/cilium.sock"
      --hubble-socket "$DEMO_ROOT/run/hubble.sock")
    export CILIUM_SOCK="unix://$DEMO_ROOT/run/cilium.sock" CILIUM_BPFFS="$DEMO_ROOT/bpffs" HUBBLE_SERVER="unix://$DEMO_ROOT/run/hubble.sock"
  fi
  local pids=()
  ck_demo_cleanup() {
    trap - RETURN
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    ip netns del "$world" 2>/dev/null || true
    if [ "${KEEP:-}" = 1 ]; then
      echo "KEEP=1: ciliumkit stays installed; remove it with: cilium uninstall ${flags[*]}"
    else
      step "cilium uninstall"
      cilium uninstall "${flags[@]}"
    fi
  }
  trap ck_demo_cleanup RETURN

  step "cilium install (preflight, bpffs, datapath, agent)"
  cilium install "${flags[@]}" --pool "$pool" --wait --wait-duration 60s || return 1

  step "endpoints: frontend, backend, myService"
  cilium endpoint create --name demo-frontend -l role=frontend || return 1
  local backend
  backend=$(cilium endpoint create --name demo-backend -l role=backend -o json |
    node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).status?.networking?.addressing?.[0]?.ipv4 ?? "")') || return 1
  cilium endpoint create --name demo-myservice -l app=myService || return 1
  [ -n "$backend" ] || { echo "no backend address" >&2; return 1; }
  cilium endpoint list

  # Servers: the backend on :80 and :8080, the node (host entity) on the router address :80.
  local server='require("http").createServer((q, s) => s.end(q.method + " " + q.url + " ok\n")).listen(+process.argv[1], process.argv[2])'
  ip netns exec ck-demo-backend node -e "$server" 80 0.0.0.0 & pids+=($!)
  ip netns exec ck-demo-backend node -e "$server" 8080 0.0.0.0 & pids+=($!)
  node -e "$server" 80 "$router" & pids+=($!)

  # A `world` namespace outside the pool, routed through the host.
  ip netns add "$world"
  ip link add ckdemo-w type veth peer name eth0 netns "$world"
  ip addr add 198.18.0.1/30 dev ckdemo-w && ip link set ckdemo-w up
  sysctl -qw net.ipv4.conf.ckdemo-w.forwarding=1
  ip -n "$world" addr add 198.18.0.2/30 dev eth0 && ip -n "$world" link set eth0 up && ip -n "$world" link set lo up
  ip -n "$world" route add default via 198.18.0.1
  sleep 0.5

  step "the seeds' policies"
  cilium policy import test/fixtures/policy/frontend-backend.yaml || return 1
  cilium policy import test/fixtures/policy/metric-post.yaml || return 1
  cilium policy import test/fixtures/policy/world-lockdown.yaml || return 1

  step "traffic: allowed and denied"
  ck_demo_curl() { local ns=$1; shift; echo "\$ ($ns) curl $*"; ip netns exec "$ns" curl -sS --max-time 2 "$@" || true; }
  ck_demo_curl ck-demo-frontend "http://$backend/"                         # allowed: TCP/80 to backend
  ck_demo_curl ck-demo-frontend "http://$backend:8080/"                    # dropped: not port 80
  ck_demo_curl ck-demo-myservice -X POST -d 'x=1' "http://$router/metric"  # allowed: POST /metric to the host
  ck_demo_curl ck-demo-myservice "http://$router/metric"                   # denied: GET is not in the rule
  ck_demo_curl "$world" "http://$backend/"                                 # dropped: world is locked out
  sleep 1

  step "hubble observe --last 20"
  hubble observe --last 20 || return 1
  step "hubble observe --http-method POST"
  hubble observe --http-method POST || return 1
  step "cilium bpf policy get --all"
  cilium bpf policy get --all || return 1
  step "cilium endpoint list"
  cilium endpoint list || return 1
}
