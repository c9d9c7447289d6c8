/**
 * bench/regexp: the http_path filters of `hubble observe` over 1,000,000 flows' URL paths,
 * matched by JS RegExp (the backtracking engine the filters used before; the baseline),
 * by re2js alone, and by compileGoRegexp (re2js, plain literals as string searches: what
 * the filter engine ships). In-process, interleaved rounds, medians of wall and CPU time.
 * Then the whole filter engine (compileFlowFilters, URL parsing included) per flow, and the
 * CPU time of `(a+)+$` on n a's and a `!` (JS RegExp for 20..24, re2js for 30 and 100,000).
 * Run: npx tsc -p tsconfig.json && node dist/bench/regexp.js [flows=1000000] [rounds=5]
 */
import {loadavg} from 'node:os'
import {RE2JS} from 're2js'
import {compileFlowFilters} from '../src/hubble/filters/index.js'
import {compileGoRegexp} from '../src/hubble/filters/go-regexp.js'
import type {flow} from '../src/hubble/proto/index.js'
import {interleave, median} from './lib.js'

const flows = Number(process.argv[2] ?? 1_000_000)
const rounds = Number(process.argv[3] ?? 5)

// Deterministic, realistic request paths: REST resources with ids, static assets, probes.
let seed = 7
const pick = <T>(xs: readonly T[]): T => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return xs[seed % xs.length]
}
const id = (): string => String(pick([7, 42, 1234, 99817, 31337, 5, 600613]))
const shapes: Array<() => string> = [
  () => `/api/v1/orders/${id()}`,
  () => `/api/v1/items?limit=${id()}`,
  () => `/api/v2/items/${id()}/reviews`,
  () => `/users/${id()}/${pick(['profile', 'settings', 'avatar.png'])}`,
  () => `/static/${pick(['js', 'css', 'img'])}/app.${id()}.${pick(['js', 'css', 'png', 'map'])}`,
  () => pick(['/healthz', '/readyz', '/metrics', '/']),
  () => `/docs/${pick(['tutorial', 'reference', 'faq'])}/${pick(['intro', 'install', 'filters'])}`,
  () => `/Admin/${pick(['login', 'users'])}`,
]
const distinct = 8192
const paths = Array.from({length: distinct}, () => pick(shapes)())
const hosts = ['http://backend.default.svc.cluster.local:8080', 'http://orders-api.shop.svc.cluster.local', '']

// [Go pattern, the JS RegExp a user would have written for it]
const filters: Array<[string, RegExp]> = [
  ['/api/v1/orders', /\/api\/v1\/orders/],
  ['^/api/v1/', /^\/api\/v1\//],
  ['^/healthz$', /^\/healthz$/],
  ['^/api/v[0-9]+/items', /^\/api\/v[0-9]+\/items/],
  ['/orders/\\d+$', /\/orders\/\d+$/],
  ['\\.(js|css|png)$', /\.(js|css|png)$/],
  ['^/users/[0-9]+/(profile|settings)$', /^\/users\/[0-9]+\/(profile|settings)$/],
  ['(?i)/admin/', /\/admin\//i],
]

interface Times { wall: number[]; cpu: number[] }

/** Interleaved rounds of in-process loops; wall and CPU (user+sys) milliseconds of each run. */
function timeLoops(loops: Record<string, () => unknown>): Record<string, Times> {
  const out: Record<string, Times> = {}
  const walls = interleave(rounds, Object.fromEntries(Object.entries(loops).map(([name, loop]) => [name, () => {
    const c0 = process.cpuUsage()
    const t0 = process.hrtime.bigint()
    loop()
    const wall = Number(process.hrtime.bigint() - t0) / 1e6
    const c = process.cpuUsage(c0)
    ;(out[name] ??= {wall: [], cpu: []}).cpu.push((c.user + c.system) / 1000)
    return wall
  }])))
  for (const [name, w] of Object.entries(walls)) out[name].wall = w
  return out
}

const matchAll = (test: (s: string) => boolean) => (): number => {
  let hits = 0
  for (let i = 0; i < flows; i++) if (test(paths[i % distinct])) hits++
  return hits
}

const load = loadavg()[0]
console.log(`regexp: http_path filters over ${flows.toLocaleString('en-US')} paths (${distinct} distinct), ${rounds} rounds, load ${load.toFixed(2)}`)
console.log('  milliseconds, median wall / CPU; (x native) = wall ratio / CPU ratio')
console.log(`  ${'pattern'.padEnd(36)} ${'native'.padStart(11)}  ${'re2js'.padStart(11)} ${'(x native)'.padStart(13)}  ${'ours'.padStart(11)} ${'(x native)'.padStart(13)}`)
const wallRatios: number[] = []
const cpuRatios: number[] = []
const fmt = (t: Times): string => `${median(t.wall).toFixed(0)}/${median(t.cpu).toFixed(0)}`.padStart(11)
const ratio = (a: Times, b: Times): string =>
  `(${(median(a.wall) / median(b.wall)).toFixed(2)}/${(median(a.cpu) / median(b.cpu)).toFixed(2)})`.padStart(13)
for (const [pattern, native] of filters) {
  const re2 = RE2JS.compile(pattern)
  const ours = compileGoRegexp(pattern)
  // Same answers before timing anything.
  for (const p of paths) {
    if (native.test(p) !== re2.test(p) || native.test(p) !== ours.test(p)) throw new Error(`engines disagree on ${pattern} / ${p}`)
  }
  const t = timeLoops({
    native: matchAll((s) => native.test(s)),
    re2js: matchAll((s) => re2.test(s)),
    ours: matchAll((s) => ours.test(s)),
  })
  wallRatios.push(median(t.ours.wall) / median(t.native.wall))
  cpuRatios.push(median(t.ours.cpu) / median(t.native.cpu))
  console.log(`  ${pattern.padEnd(36)} ${fmt(t.native)}  ${fmt(t.re2js)} ${ratio(t.re2js, t.native)}  ${fmt(t.ours)} ${ratio(t.ours, t.native)}`)
}
const geo = (xs: number[]): number => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length)
console.log(`  ours / native, geometric mean over the ${filters.length} filters: ${geo(wallRatios).toFixed(2)}x wall, ${geo(cpuRatios).toFixed(2)}x CPU`)

// The whole engine per flow: URL parsing, percent-decoding, then the pattern.
const flowList: flow.IFlow[] = paths.map((p, i) => ({l7: {http: {method: 'GET', url: hosts[i % hosts.length] + p}}}))
const pass = compileFlowFilters([{httpPath: ['^/api/v[0-9]+/items']}], [])
const none = compileFlowFilters([], [])
const passAll = (p: (f: flow.IFlow) => boolean) => (): void => {
  for (let i = 0; i < flows; i++) p(flowList[i % distinct])
}
const t = timeLoops({filtered: passAll(pass), unfiltered: passAll(none)})
const perFlowNs = (median(t.filtered.cpu) - median(t.unfiltered.cpu)) * 1e6 / flows
console.log(`  compileFlowFilters http_path ^/api/v[0-9]+/items: ${fmt(t.filtered).trim()} ms for ${flows.toLocaleString('en-US')} flows`
  + ` (${perFlowNs.toFixed(0)} ns CPU per flow over an empty filter)`)

// Catastrophic backtracking: `(a+)+$` against n a's and a `!`. JS RegExp only up to 24 a's (it
// doubles per a: about 5 s in all here); re2js on 30 and 100,000 a's, compilation included.
const cpuMs = (f: () => void): number => {
  const start = process.cpuUsage()
  f()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}
const redos = (n: number) => 'a'.repeat(n) + '!'
const nativeRedos = [20, 21, 22, 23, 24].map((n) => `${n}: ${cpuMs(() => /(a+)+$/.test(redos(n))).toFixed(0)}`)
console.log(`  (a+)+$ on n a's and a '!', CPU ms: JS RegExp ${nativeRedos.join(', ')}`)
const re2Redos = [30, 100_000].map((n) => `${n.toLocaleString('en-US')}: ${cpuMs(() => RE2JS.compile('(a+)+$').matcher(redos(n)).find()).toFixed(0)}`)
console.log(`  (a+)+$ on n a's and a '!', CPU ms: re2js ${re2Redos.join(', ')}`)
