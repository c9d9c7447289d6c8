/**
 * A real `cilium agent` process for e2e tests, in a network namespace the test makes (the
 * node), so endpoint routes and the pool exist only inside namespaces tests create. Every
 * resource registers its cleanup with t.after the moment it exists: the agent is killed, the
 * endpoint namespaces it made and the node namespace are deleted, even when the test fails.
 */
import {type ChildProcess, execFileSync, spawn} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {TestContext} from 'node:test'
import {AgentClient} from '../../src/api/client.js'
import {probeTimedOut, type RunResult, repoRoot, run, runCli, tempDir} from './cli.js'

let seq = 0

function netnsDel(name: string): void {
  try {
    execFileSync('ip', ['netns', 'del', name], {stdio: 'pipe'})
  } catch { /* already gone */ }
}

/** A network namespace for the test; deleted after it. */
export function testNetns(t: TestContext, label: string): string {
  const name = `ck-${label}-${process.pid}-${seq++}`
  execFileSync('ip', ['netns', 'add', name], {stdio: 'pipe'})
  t.after(() => netnsDel(name))
  execFileSync('ip', ['-n', name, 'link', 'set', 'lo', 'up'], {stdio: 'pipe'})
  return name
}

/** A unique endpoint name; the namespace the agent makes for it (ck-<name>) is deleted after the test. */
export function endpointName(t: TestContext, label: string): string {
  const name = `${label}-${process.pid}-${seq++}`
  t.after(() => netnsDel(`ck-${name}`))
  return name
}

export interface AgentOptions {
  /** Reuse a state dir (restart); a fresh temp dir otherwise. */
  stateDir?: string
  /** Reuse a node namespace (restart). */
  nodeNetns?: string
  /** bpffs directory for pins; without it the agent runs with --no-datapath. */
  bpffs?: string
  args?: string[]
}

export class AgentProcess {
  readonly client: AgentClient
  constructor(readonly child: ChildProcess, readonly dir: string, readonly stateDir: string, readonly nodeNetns: string,
    readonly socket: string, readonly hubbleSocket: string, readonly logFile: string, readonly options: AgentOptions) {
    this.client = new AgentClient(socket, 5000)
  }

  get env(): NodeJS.ProcessEnv {
    return {...process.env, CILIUM_SOCK: this.socket, HUBBLE_SERVER: `unix://${this.hubbleSocket}`, NO_COLOR: '1',
      ...(this.options.bpffs ? {CILIUM_BPFFS: this.options.bpffs} : {})}
  }

  log(): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8') : ''
  }

  cilium(args: readonly string[]): Promise<RunResult> {
    return runCli('cilium', args, {env: this.env})
  }

  /** `cilium endpoint create` of an endpoint named after the test and `label`; its ID and namespace. */
  async createEndpoint(t: TestContext, label: string, labels: readonly string[]): Promise<{id: number; netns: string}> {
    const name = endpointName(t, label)
    const r = await this.cilium(['endpoint', 'create', '--name', name, ...labels.flatMap((l) => ['--labels', l]), '-o', 'json'])
    if (r.code !== 0) throw new Error(`endpoint create ${name}: ${r.stderr}${this.log()}`)
    return {id: (JSON.parse(r.stdout) as {id: number}).id, netns: `ck-${name}`}
  }

  hubble(args: readonly string[]): Promise<RunResult> {
    return runCli('hubble', [...args, '--server', `unix://${this.hubbleSocket}`], {env: this.env})
  }

  /** Sends `signal` and waits for the process to exit; resolves with its exit code (or the signal). */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve(this.child.exitCode ?? this.child.signalCode ?? 0)
    return new Promise((resolve) => {
      this.child.once('exit', (code, sig) => resolve(code ?? sig ?? 0))
      this.child.kill(signal)
    })
  }
}

/** Starts `cilium agent` in a node namespace and waits until its API answers (at most 60 s: a loaded machine verifies the datapath slowly). */
export async function startAgent(t: TestContext, o: AgentOptions = {}): Promise<AgentProcess> {
  const dir = tempDir(t, 'ck-agent-')
  const stateDir = o.stateDir ?? join(dir, 'state')
  const nodeNetns = o.nodeNetns ?? testNetns(t, 'node')
  const sock = join(dir, 'cilium.sock')
  const hubbleSock = join(dir, 'hubble.sock')
  const logFile = join(dir, 'agent.log')
  const args = ['--net=/var/run/netns/' + nodeNetns, process.execPath, join(repoRoot, 'bin', 'cilium.js'), 'agent',
    '--state-dir', stateDir, '--socket', sock, '--hubble-socket', hubbleSock, '--node-name', 'ck-node',
    ...(o.bpffs ? ['--bpffs', o.bpffs] : ['--no-datapath']), ...(o.args ?? [])]
  const {openSync, closeSync} = await import('node:fs')
  const fd = openSync(logFile, 'a')
  const child = spawn('nsenter', args, {stdio: ['ignore', fd, fd]})
  closeSync(fd)
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  const agent = new AgentProcess(child, dir, stateDir, nodeNetns, sock, hubbleSock, logFile, o)
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`agent exited with ${child.exitCode}:\n${agent.log()}`)
    try {
      await agent.client.healthz()
      return agent
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`agent did not answer in 60 s: ${(err as Error).message}\n${agent.log()}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}

/** Runs a program inside a network namespace (without ip-netns-exec's remount of /sys). */
export function inNetns(netns: string, file: string, args: readonly string[], timeoutMs = 10_000): Promise<RunResult> {
  return run('nsenter', [`--net=/var/run/netns/${netns}`, file, ...args], {timeout: timeoutMs})
}

/** Pings once from an endpoint's namespace; true when the reply came back within a second. */
export async function ping(fromNetns: string, ip: string, source?: string): Promise<boolean> {
  const r = await inNetns(fromNetns, 'ping', ['-c', '1', '-W', '1', ...(source ? ['-I', source] : []), ip])
  return r.code === 0
}

/** A TCP connect from a namespace: 'connected' or the failure ('timeout', 'refused'). */
export async function tcpConnect(fromNetns: string, ip: string, port: number, timeoutMs = 1000): Promise<string> {
  const script = `let done=false;const s=require('net').connect({host:'${ip}',port:${port}});` +
    `const t=setTimeout(${probeTimedOut},${timeoutMs});` +
    `s.on('connect',()=>{done=true;console.log('connected');clearTimeout(t);s.destroy()});` +
    `s.on('error',(e)=>{done=true;console.log(e.code==='ECONNREFUSED'?'refused':e.code);clearTimeout(t)})`
  return (await inNetns(fromNetns, process.execPath, ['-e', script], timeoutMs + 5000)).stdout.trim()
}

/** An HTTP request from a namespace: the status code, or the failure ('timeout', ...). */
export async function httpRequest(fromNetns: string, url: string, method = 'GET', timeoutMs = 1500): Promise<string> {
  const script = `let done=false;const r=require('http').request('${url}',{method:'${method}'},(res)=>{done=true;console.log(res.statusCode);res.resume();process.exit(0)});` +
    `r.setTimeout(${timeoutMs},${probeTimedOut});r.on('error',(e)=>{done=true;console.log(e.code)});r.end()`
  return (await inNetns(fromNetns, process.execPath, ['-e', script], timeoutMs + 5000)).stdout.trim()
}

/** An HTTP server on `port` inside a namespace answering 200 to everything; killed after the test. */
export async function httpServer(t: TestContext, netns: string, port: number, host = '0.0.0.0'): Promise<void> {
  const script = `require('http').createServer((q,s)=>{q.resume();q.on('end',()=>s.end('ok'))}).listen(${port},'${host}',()=>console.log('listening'))`
  const child = spawn('nsenter', [`--net=/var/run/netns/${netns}`, process.execPath, '-e', script], {stdio: ['ignore', 'pipe', 'inherit']})
  t.after(() => {
    child.kill('SIGKILL')
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`http server exited with ${code}`)))
  })
}
