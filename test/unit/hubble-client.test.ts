// HubbleClient against our HubbleServer over real sockets (unix and TCP), plaintext, TLS and
// mTLS with certificates made here by openssl; and the client's errors against servers that
// are absent, wrong, cut the stream, or never answer.
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import * as http2 from 'node:http2'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {test, type TestContext} from 'node:test'
import {fileURLToPath} from 'node:url'
import {connect as netConnect} from 'node:net'
import * as grpc from '@grpc/grpc-js'
import {HubbleClient, type HubbleClientOptions} from '../../src/hubble/client.js'
import {encodeFlowsResponseJson, parseFlowJson} from '../../src/hubble/codec/index.js'
import {flow, observer} from '../../src/hubble/proto/index.js'
import {observerService} from '../../src/hubble/proto/services.js'
import {createHubbleServer, type ServerTlsOptions} from '../../src/hubble/server/index.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const sampleLines = readFileSync(join(root, 'test/fixtures/peers/sample-flows.jsonl'), 'utf8').trim().split('\n')
const SERVER_NAME = 'node-a.default.hubble-grpc.cilium.io'

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'hubble-client-'))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  return dir
}

interface Pki {dir: string, ca: string, serverCert: string, serverKey: string, clientCert: string, clientKey: string, otherCa: string}

// A CA, a server certificate for SERVER_NAME/localhost/127.0.0.1, a client certificate, and an
// unrelated CA (for "signed by unknown authority").
function makePki(dir: string): Pki {
  const ossl = (...args: string[]) => execFileSync('openssl', args, {cwd: dir, stdio: 'pipe'})
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  ossl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=test-ca')
  ossl('req', '-x509', ...ec, '-keyout', 'other.key', '-out', 'other.crt', '-days', '1', '-subj', '/CN=other-ca')
  writeFileSync(join(dir, 'server.ext'), `subjectAltName=DNS:${SERVER_NAME},DNS:localhost,IP:127.0.0.1\n`)
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n')
  for (const who of ['server', 'client']) {
    ossl('req', ...ec, '-keyout', `${who}.key`, '-out', `${who}.csr`, '-subj', `/CN=${who}`)
    ossl('x509', '-req', '-in', `${who}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${who}.crt`,
      '-days', '1', '-extfile', `${who}.ext`)
  }
  const p = (f: string) => join(dir, f)
  return {dir, ca: p('ca.crt'), serverCert: p('server.crt'), serverKey: p('server.key'), clientCert: p('client.crt'),
    clientKey: p('client.key'), otherCa: p('other.crt')}
}

async function startServer(t: TestContext, listen: string, tls?: ServerTlsOptions) {
  const {observer, server} = createHubbleServer({nodeName: 'node-a', version: 'ciliumkit test', tls})
  for (const line of sampleLines) observer.addFlow(parseFlowJson(line).response!.flow!)
  const address = await server.listen(listen)
  t.after(() => server.close(0))
  return {observer, server, address}
}

function connect(t: TestContext, opts: HubbleClientOptions): HubbleClient {
  const c = HubbleClient.connect(opts)
  t.after(() => c.close())
  return c
}

async function drain<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of it) out.push(x)
  return out
}

let pki: Pki | undefined
const sharedPki = (_t: TestContext) => pki ??= makePki(mkdtempSync(join(tmpdir(), 'hubble-pki-')))
process.on('exit', () => { if (pki) rmSync(pki.dir, {recursive: true, force: true}) })

const transports = ['unix', 'tcp'] as const
const securities = ['plaintext', 'tls', 'mtls'] as const

for (const transport of transports) {
  for (const security of securities) {
    test(`every Observer RPC over ${transport}, ${security}`, async (t) => {
      const dir = tempDir(t)
      const k = security === 'plaintext' ? undefined : sharedPki(t)
      const tls = k && {cert: readFileSync(k.serverCert), key: readFileSync(k.serverKey), serverName: SERVER_NAME,
        clientCa: security === 'mtls' ? readFileSync(k.ca) : undefined}
      const {address, observer} = await startServer(t, transport === 'unix' ? `unix://${join(dir, 'hubble.sock')}` : '127.0.0.1:0', tls)
      const client = connect(t, {server: address, tls: Boolean(k), tlsCaCertFiles: k ? [k.ca] : undefined,
        tlsServerName: k ? SERVER_NAME : undefined,
        tlsClientCertFile: security === 'mtls' ? k!.clientCert : undefined, tlsClientKeyFile: security === 'mtls' ? k!.clientKey : undefined})

      assert.equal(await client.healthCheck(), 'SERVING')
      const status = await client.serverStatus()
      assert.deepEqual([status.numFlows, status.maxFlows, status.seenFlows, status.version], [12, 4095, 12, 'ciliumkit test'])
      const flows = await drain(client.flows({number: 3}))
      assert.deepEqual(flows.map(encodeFlowsResponseJson), sampleLines.slice(-3).map((l) => encodeFlowsResponseJson(parseFlowJson(l).response!)))
      const post = await drain(client.flows({whitelist: [{httpMethod: ['POST']}]}))
      assert.equal(post.length, 2)
      const {nodes} = await client.getNodes()
      assert.equal(nodes.length, 1)
      assert.equal(nodes[0]!.name, 'node-a')
      assert.equal(nodes[0]!.tls?.enabled ?? false, Boolean(k))
      const {namespaces} = await client.getNamespaces()
      assert.deepEqual(namespaces.map((n) => n.namespace), ['default', 'kube-system', 'shop', 'tenant-b'])
      const masked = await drain(client.flows({number: 1, fieldMask: {paths: ['Summary', 'source.pod_name']}}))
      const last = parseFlowJson(sampleLines.at(-1)!).response!
      assert.deepEqual(masked.map((r) => [r.flow?.Summary, r.flow?.source?.podName, r.flow?.destination, r.nodeName]),
        [[last.flow!.Summary, last.flow!.source?.podName, null, last.nodeName]])
      assert.deepEqual(await drain(client.agentEvents({number: 5})), [])
      observer.addAgentEvent({type: flow.AgentEventType.AGENT_STARTED})
      assert.deepEqual((await drain(client.agentEvents({number: 5}))).map((r) => r.agentEvent?.type), [flow.AgentEventType.AGENT_STARTED])
      assert.deepEqual(await drain(client.debugEvents({number: 5})), [])
    })
  }
}

test('TLS failures: wrong CA, mTLS without a client certificate, TLS against plaintext', async (t) => {
  const k = sharedPki(t)
  const tls = {cert: readFileSync(k.serverCert), key: readFileSync(k.serverKey), clientCa: readFileSync(k.ca)}
  const {address} = await startServer(t, '127.0.0.1:0', tls)
  const wrongCa = connect(t, {server: `tls://${address}`, tlsCaCertFiles: [k.otherCa], tlsClientCertFile: k.clientCert, tlsClientKeyFile: k.clientKey})
  await assert.rejects(wrongCa.serverStatus(), /^ConnectionError: rpc error: code = Unavailable desc = connection error: desc = "transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority"$/)
  await assert.rejects(drain(wrongCa.flows({})), {message: 'rpc error: code = Unavailable desc = connection error: desc = "transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority"'})
  const noClientCert = connect(t, {server: `tls://${address}`, tlsCaCertFiles: [k.ca]})
  await assert.rejects(noClientCert.serverStatus(), (e: Error) => /^rpc error: code = Unavailable desc = /.test(e.message))
  const insecureSkip = connect(t, {server: `tls://${address}`, tlsAllowInsecure: true, tlsClientCertFile: k.clientCert, tlsClientKeyFile: k.clientKey})
  assert.equal(await insecureSkip.healthCheck(), 'SERVING', '--tls-allow-insecure skips verification')

  const plain = await startServer(t, '127.0.0.1:0')
  const tlsToPlain = connect(t, {server: `tls://${plain.address}`, tlsAllowInsecure: true})
  await assert.rejects(tlsToPlain.serverStatus(), {message: 'rpc error: code = Unavailable desc = connection error: desc = "transport: authentication handshake failed: tls: first record does not look like a TLS handshake"'})
  await assert.rejects(drain(tlsToPlain.flows({})), {message: 'rpc error: code = Unavailable desc = connection error: desc = "transport: authentication handshake failed: tls: first record does not look like a TLS handshake"'})
})

test('flag and file validation with the real CLI\'s wording', (t) => {
  const dir = tempDir(t)
  writeFileSync(join(dir, 'not-pem.crt'), 'hello')
  assert.throws(() => HubbleClient.connect({tlsClientCertFile: 'a.crt'}), {message: 'invalid flag(s): certificate and private key are both required, but only one was provided'})
  assert.throws(() => HubbleClient.connect({tlsClientCertFile: 'a.crt', tlsClientKeyFile: 'a.key'}), {message: 'invalid flag(s): transport layer security required'})
  assert.throws(() => HubbleClient.connect({basicAuthUsername: 'u'}), {message: 'invalid flag(s): must specify both basic-auth-username and basic-auth-password'})
  assert.throws(() => HubbleClient.connect({basicAuthUsername: 'u', basicAuthPassword: 'p'}), {message: "failed to create gRPC client to 'localhost:4245': grpc: the credentials require transport level security (use grpc.WithTransportSecurity() to set)"})
  assert.throws(() => HubbleClient.connect({tls: true, tlsCaCertFiles: [join(dir, 'missing.crt')]}), {message: `cannot load cert '${join(dir, 'missing.crt')}': open ${join(dir, 'missing.crt')}: no such file or directory`})
  assert.throws(() => HubbleClient.connect({tls: true, tlsCaCertFiles: [join(dir, 'not-pem.crt')]}), {message: `cannot process cert '${join(dir, 'not-pem.crt')}': must be a PEM encoded certificate`})
})

test('basic auth travels as an authorization header over TLS', async (t) => {
  const k = sharedPki(t)
  let seen: string | undefined
  const h2 = http2.createSecureServer({cert: readFileSync(k.serverCert), key: readFileSync(k.serverKey)}, (req, res) => {
    seen = req.headers.authorization
    res.stream.respond({':status': 200, 'content-type': 'application/grpc', 'grpc-status': '12', 'grpc-message': 'nope'}, {endStream: true})
  })
  await new Promise<void>((r) => h2.listen(0, '127.0.0.1', r))
  t.after(() => h2.close())
  const port = (h2.address() as {port: number}).port
  const c = connect(t, {server: `tls://127.0.0.1:${port}`, tlsCaCertFiles: [k.ca], basicAuthUsername: 'hubble', basicAuthPassword: 's3cret'})
  await assert.rejects(c.serverStatus(), {message: 'rpc error: code = Unimplemented desc = nope'})
  assert.equal(seen, 'Basic ' + Buffer.from('hubble:s3cret').toString('base64'))
})

test('an unreachable server: one line saying what was dialed and why it failed', async (t) => {
  const dir = tempDir(t)
  const sock = join(dir, 'absent.sock')
  const unix = connect(t, {server: `unix://${sock}`})
  await assert.rejects(unix.serverStatus(), (e: Error & {hint?: string}) => {
    assert.equal(e.message, `rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix ${sock}: connect: no such file or directory"`)
    assert.match(e.hint!, /listens on/)
    return true
  })
  const tcp = connect(t, {server: '127.0.0.1:1'})
  await assert.rejects(drain(tcp.flows({})), {message: 'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 127.0.0.1:1: connect: connection refused"'})
})

test('a unary call that gets no answer ends at the request timeout', async (t) => {
  const h2 = http2.createServer(() => { /* never answers */ })
  await new Promise<void>((r) => h2.listen(0, '127.0.0.1', r))
  t.after(() => { h2.close(); for (const s of sessions) s.destroy() })
  const sessions = new Set<http2.ServerHttp2Session>()
  h2.on('session', (s) => sessions.add(s))
  const c = connect(t, {server: `127.0.0.1:${(h2.address() as {port: number}).port}`, requestTimeoutMs: 300})
  await assert.rejects(c.serverStatus(), {message: 'rpc error: code = DeadlineExceeded desc = context deadline exceeded'})
})

test('a truncated gRPC stream: flows already received, then one clear error', async (t) => {
  const dir = tempDir(t)
  const sock = join(dir, 'trunc.sock')
  const frame = (await import('../../src/hubble/proto/index.js')).observer.GetFlowsResponse.encode(parseFlowJson(sampleLines[0]!).response!).finish()
  const h2 = http2.createServer((req, res) => {
    res.stream.respond({':status': 200, 'content-type': 'application/grpc'})
    const header = Buffer.alloc(5)
    header.writeUInt32BE(frame.length, 1)
    res.stream.write(Buffer.concat([header, frame]))               // one whole message
    header.writeUInt32BE(frame.length, 1)
    // then half of the next, and the connection dies once that is written
    res.stream.write(Buffer.concat([header, frame.subarray(0, 20)]), () => req.socket.destroy())
  })
  await new Promise<void>((r) => h2.listen(sock, r))
  t.after(() => h2.close())
  const c = connect(t, {server: `unix://${sock}`})
  const got: unknown[] = []
  await assert.rejects((async () => { for await (const r of c.flows({})) got.push(r) })(),
    {message: 'rpc error: code = Unavailable desc = error reading from server: EOF'})
  assert.equal(got.length, 1)
})

/**
 * Collects a stream's items; `count(n)` resolves once n have arrived (no fixed sleeps) and
 * rejects if the stream ends or fails before that, instead of waiting forever.
 */
function follower<T>(items: AsyncIterable<T>) {
  const got: T[] = []
  const waiters: Array<{n: number, resolve: () => void}> = []
  const done = (async () => {
    for await (const x of items) {
      got.push(x)
      for (const w of waiters.filter((w) => got.length >= w.n)) w.resolve()
    }
  })()
  const ended = done.then(() => { throw new Error(`the stream ended after ${got.length} items`) })
  ended.catch(() => {})  // reported by the count() waiting on it; `done` keeps its own outcome
  const count = (n: number) => got.length >= n ? Promise.resolve()
    : Promise.race([new Promise<void>((resolve) => waiters.push({n, resolve})), ended])
  return {got, done, count}
}

test('the server going away mid-follow ends the stream with one error; aborting ends it cleanly', async (t) => {
  const dir = tempDir(t)
  const {server, observer, address} = await startServer(t, `unix://${join(dir, 'f.sock')}`)
  const c = connect(t, {server: address})
  const ac = new AbortController()
  const f1 = follower(c.flows({follow: true, number: 2}, ac.signal))
  await f1.count(2)
  observer.addFlow(parseFlowJson(sampleLines[0]!).response!.flow!)
  await f1.count(3)
  ac.abort()
  await f1.done  // no error after an abort
  assert.equal(f1.got.length, 3)

  const c2 = connect(t, {server: address})
  const f2 = follower(c2.flows({follow: true, number: 1}))
  await f2.count(1)  // the follower is attached
  // The client may see the stream end before close() resolves: the expectation is in place first.
  const cut = assert.rejects(f2.done, {message: 'rpc error: code = Unavailable desc = error reading from server: EOF'})
  await server.close(0)
  await cut
})

test('a stream that cannot connect in time fails with the dial timeout', async (t) => {
  // Accepts the TCP connection and never speaks HTTP/2.
  const sockets = new Set<import('node:net').Socket>()
  const silent = (await import('node:net')).createServer((s) => sockets.add(s))
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
  t.after(() => { for (const s of sockets) s.destroy(); silent.close() })
  const address = `127.0.0.1:${(silent.address() as {port: number}).port}`
  const c = connect(t, {server: address, timeoutMs: 300})
  await assert.rejects(drain(c.flows({})), {message: `failed to connect to '${address}': context deadline exceeded`})
})

test('the server\'s batched stream is plain gRPC: grpc-js and a bare HTTP/2 reader decode every message', async (t) => {
  const dir = tempDir(t)
  const {address} = await startServer(t, `unix://${join(dir, 'wire.sock')}`)
  const expected = sampleLines.map((l) => encodeFlowsResponseJson(parseFlowJson(l).response!))
  const request = observer.GetFlowsRequest.encode({}).finish()

  // A bare HTTP/2 request: gRPC framing by hand, the generated decoder on each message.
  const session = http2.connect('http://localhost', {createConnection: () => netConnect(address.slice('unix://'.length))})
  t.after(() => session.close())
  const stream = session.request({':method': 'POST', ':path': '/observer.Observer/GetFlows', 'content-type': 'application/grpc', te: 'trailers'})
  const prefix = Buffer.alloc(5)
  prefix.writeUInt32BE(request.length, 1)
  stream.end(Buffer.concat([prefix, request]))
  const chunks: Buffer[] = []
  let trailers: http2.IncomingHttpHeaders = {}
  stream.on('data', (c: Buffer) => chunks.push(c))
  stream.on('trailers', (h) => { trailers = h })
  await new Promise((r) => stream.on('close', r))
  const body = Buffer.concat(chunks)
  const decoded: string[] = []
  for (let off = 0; off < body.length;) {
    assert.equal(body[off], 0, 'not compressed')
    const len = body.readUInt32BE(off + 1)
    decoded.push(encodeFlowsResponseJson(observer.GetFlowsResponse.decode(body.subarray(off + 5, off + 5 + len))))
    off += 5 + len
  }
  assert.deepEqual(decoded, expected)
  assert.equal(trailers['grpc-status'], '0')
  assert.ok(chunks.length < sampleLines.length, `messages go out batched (${chunks.length} DATA chunks for ${sampleLines.length} messages)`)

  // grpc-js, message by message.
  const Client = grpc.makeGenericClientConstructor(observerService, 'observer.Observer')
  const client = new Client(address, grpc.credentials.createInsecure())
  t.after(() => client.close())
  const call = (client as unknown as {GetFlows(req: object): grpc.ClientReadableStream<observer.GetFlowsResponse>}).GetFlows({})
  assert.deepEqual((await drain(call)).map(encodeFlowsResponseJson), expected)
})
