/**
 * Structured logs: one line a record, logfmt as the Cilium agent writes them
 * (`time=... level=info msg="..." subsys=endpoint key=value`), so grep and log shippers read them.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export type LogFields = Record<string, string | number | boolean | undefined>

const rank: Record<LogLevel, number> = {debug: 0, info: 1, warn: 2, error: 3}

/** A value is quoted when it is empty or holds a space, a quote or an equals sign (logfmt). */
function logfmtValue(v: string | number | boolean): string {
  const s = String(v)
  return s === '' || /[\s"=\\]/.test(s) ? JSON.stringify(s) : s
}

export class Logger {
  constructor(private readonly out: {write(line: string): unknown}, private readonly min: LogLevel = 'info',
    private readonly base: LogFields = {}, private readonly now: () => Date = () => new Date()) {}

  /** A logger that adds `fields` to every record (e.g. `{subsys: 'endpoint'}`). */
  with(fields: LogFields): Logger {
    return new Logger(this.out, this.min, {...this.base, ...fields}, this.now)
  }

  log(level: LogLevel, msg: string, fields: LogFields = {}): void {
    if (rank[level] < rank[this.min]) return
    const parts = [`time=${this.now().toISOString()}`, `level=${level}`, `msg=${logfmtValue(msg)}`]
    for (const [k, v] of Object.entries({...this.base, ...fields})) if (v !== undefined) parts.push(`${k}=${logfmtValue(v)}`)
    this.out.write(parts.join(' ') + '\n')
  }

  debug(msg: string, fields?: LogFields): void { this.log('debug', msg, fields) }
  info(msg: string, fields?: LogFields): void { this.log('info', msg, fields) }
  warn(msg: string, fields?: LogFields): void { this.log('warn', msg, fields) }
  error(msg: string, fields?: LogFields): void { this.log('error', msg, fields) }
}
