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
import {HubbleClient, type HubbleClientOptions} from '../../src/hubble/client.js'
import {encodeFlowsResponseJson, parseFlowJson} from '../../src/hubble/codec/index.js'
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
      const {address} = await startServer(t, transport === 'unix' ? `unix://${join(dir, 'hubble.sock')}` : '127.0.0.1:0', tls)
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
      assert.deepEqual(await drain(client.agentEvents({number: 5})), [])
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
  const noClientCert = connect(t, {server: `tls://${address}`, tlsCaCertFiles: [k.ca]})
  await assert.rejects(noClientCert.serverStatus(), (e: Error) => /^rpc error: code = Unavailable desc = /.test(e.message))
  const insecureSkip = connect(t, {server: `tls://${address}`, tlsAllowInsecure: true, tlsClientCertFile: k.clientCert, tlsClientKeyFile: k.clientKey})
  assert.equal(await insecureSkip.healthCheck(), 'SERVING', '--tls-allow-insecure skips verification')

  const plain = await startServer(t, '127.0.0.1:0')
  const tlsToPlain = connect(t, {server: `tls://${plain.address}`, tlsAllowInsecure: true})
  await assert.rejects(tlsToPlain.serverStatus(), {message: 'rpc error: code = Unavailable desc = connection error: desc = "transport: authentication handshake failed: tls: first record does not look like a TLS handshake"'})
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
    res.stream.write(Buffer.concat([header, frame.subarray(0, 20)]))  // then half of the next
    setTimeout(() => req.socket.destroy(), 50)                     // and the connection dies
  })
  await new Promise<void>((r) => h2.listen(sock, r))
  t.after(() => h2.close())
  const c = connect(t, {server: `unix://${sock}`})
  const got: unknown[] = []
  await assert.rejects((async () => { for await (const r of c.flows({})) got.push(r) })(),
    {message: 'rpc error: code = Unavailable desc = error reading from server: EOF'})
  assert.equal(got.length, 1)
})

test('the server going away mid-follow ends the stream with one error; aborting ends it cleanly', async (t) => {
  const dir = tempDir(t)
  const {server, observer, address} = await startServer(t, `unix://${join(dir, 'f.sock')}`)
  const c = connect(t, {server: address})
  const ac = new AbortController()
  const got: unknown[] = []
  const following = (async () => { for await (const r of c.flows({follow: true, number: 2}, ac.signal)) got.push(r) })()
  await new Promise((r) => setTimeout(r, 200))
  assert.equal(got.length, 2)
  observer.addFlow(parseFlowJson(sampleLines[0]!).response!.flow!)
  await new Promise((r) => setTimeout(r, 100))
  assert.equal(got.length, 3)
  ac.abort()
  await following  // no error after an abort

  const c2 = connect(t, {server: address})
  const following2 = (async () => { for await (const _ of c2.flows({follow: true})) { /* nothing new */ } })()
  await new Promise((r) => setTimeout(r, 200))
  await server.close(0)
  await assert.rejects(following2, {message: 'rpc error: code = Unavailable desc = error reading from server: EOF'})
})
