import {addon, type NativeObject} from './native.js'
import {BpfError, EINVAL, ENOTSUPP, EOPNOTSUPP, kernelCall, type ErrorSubject} from './errors.js'
import {BpfMap} from './map.js'
import {mapTypeName} from './map-types.js'

/** A map as the ELF object declares it (before load: what the loader will create or reuse). */
export interface ObjectMapSpec {
  name: string
  type: string
  keySize: number
  valueSize: number
  maxEntries: number
  /** .rodata, .bss and friends: libbpf's maps for global variables, never pinned by us. */
  internal: boolean
  pinPath?: string
}

/** A program in the object: its name, ELF section (e.g. `tc`) and kernel program type. */
export interface ProgramSpec {
  name: string
  section: string
  type: number
}

export type TcAttachPoint = 'ingress' | 'egress'

export interface TcAttachOptions {
  /** A network namespace file (e.g. /var/run/netns/NAME) to resolve the interface and attach in. */
  netns?: string
  /** tc filter priority; 0 lets the kernel choose. */
  priority?: number
  /** tc filter handle; 0 lets the kernel choose. */
  handle?: number
}

/**
 * A BPF ELF object: open (parse the ELF), optionally pin its maps under a bpffs
 * directory, load (maps, then programs through the verifier), then use its maps and
 * programs. Maps handed out by map() are the caller's to close; close() releases the
 * object's own fds, and programs stay attached to tc until their link is detached.
 */
export class BpfObject {
  private readonly subject: ErrorSubject

  private constructor(private readonly native: NativeObject, readonly path: string) {
    this.subject = {path}
  }

  /**
   * Parses the ELF file; nothing reaches the kernel yet. Throws BpfError for a missing or malformed file.
   * `kconfig` ("CONFIG_X=value" lines) gives the values of the object's CONFIG_ externs; libbpf
   * reads the system's kernel config file only for externs it leaves unset.
   */
  static open(path: string, options: {kconfig?: string} = {}): BpfObject {
    return new BpfObject(kernelCall({path}, () => addon().objectOpen(path, options.kconfig ?? null)), path)
  }

  maps(): ObjectMapSpec[] {
    return kernelCall(this.subject, () => this.native.maps()).map((m) => ({...m, type: mapTypeName(m.type)}))
  }

  programs(): ProgramSpec[] {
    return kernelCall(this.subject, () => this.native.programs())
  }

  /**
   * Pins every map (except internal ones) at `<dir>/<map name>` on load. A map already pinned
   * there with the same spec is reused, so a reload keeps its state; a different spec fails the load.
   */
  pinMapsUnder(dir: string): void {
    kernelCall(this.subject, () => this.native.setPinRoot(dir))
  }

  /** Loads maps and programs. Throws ProgramLoadError with the verifier's log, PermissionError without CAP_BPF. */
  load(): void {
    kernelCall(this.subject, () => this.native.load())
  }

  /** A loaded map by name, with its own fd: close it when done. */
  map(name: string): BpfMap {
    return BpfMap.fromNative(kernelCall({map: name}, () => this.native.map(name)))
  }

  /**
   * Attaches a loaded program of type sched_cls to tc on `iface` (ifindex or name), creating the
   * clsact qdisc when the interface has none. Returns the link that detaches it.
   */
  attachTc(iface: number | string, point: TcAttachPoint, program: string, options: TcAttachOptions = {}): TcLink {
    const netns = options.netns ?? null
    const a = kernelCall({map: program}, () =>
      this.native.tcAttach(program, iface, point, netns, options.priority ?? 0, options.handle ?? 0))
    return new TcLink(a.ifindex, point, a.handle, a.priority, a.programId, a.createdHook, options.netns)
  }

  /**
   * Attaches a loaded sched_cls program to `iface`'s tcx hook (kernel 6.6+), after the programs
   * already there: no qdisc, no classifier layer. It stays attached after this process exits,
   * until detached or the interface goes. Throws BpfError with errno EINVAL on a kernel without tcx.
   */
  attachTcx(iface: number | string, point: TcAttachPoint, program: string, options: {netns?: string} = {}): TcxLink {
    const a = kernelCall({map: program}, () => this.native.tcxAttach(program, iface, point, options.netns ?? null))
    return new TcxLink(a.ifindex, point, a.programId, options.netns)
  }

  /**
   * Attaches a loaded sched_cls program to `iface`'s tc hook the fastest way the kernel offers:
   * tcx (6.6+), else a BPF filter on a clsact qdisc (created when missing).
   */
  attachTcHook(iface: number | string, point: TcAttachPoint, program: string, options: {netns?: string} = {}): TcxLink | TcLink {
    try {
      return this.attachTcx(iface, point, program, options)
    } catch (err) {
      // A kernel before 6.6 knows no tcx attach type.
      if (!(err instanceof BpfError && [EINVAL, EOPNOTSUPP, ENOTSUPP].includes(err.errno))) throw err
    }
    return this.attachTc(iface, point, program, options)
  }

  /** Runs a loaded program once per `repeat` on `data` (BPF_PROG_TEST_RUN): its return value and output packet. */
  testRun(program: string, data: Uint8Array, repeat = 1): {retval: number; durationNs: number; data: Buffer} {
    return kernelCall({map: program}, () => this.native.testRun(program, data, repeat))
  }

  /** Releases the object's fds. Idempotent. */
  close(): void {
    this.native.close()
  }
}

/** A program on the tcx hook of one interface and direction. */
export class TcxLink {
  private detached = false
  readonly createdQdisc = false

  constructor(readonly ifindex: number, readonly attachPoint: TcAttachPoint, readonly programId: number, readonly netns?: string) {}

  /** The programs on an interface's tcx hook, in the order they run. */
  static programs(iface: number | string, point: TcAttachPoint, options: {netns?: string} = {}): Array<{id: number; name: string}> {
    return kernelCall({}, () => addon().tcxPrograms(iface, point, options.netns ?? null))
  }

  /** Detaches any program (by kernel ID) from an interface's tcx hook. */
  static detachProgram(iface: number | string, point: TcAttachPoint, programId: number, options: {netns?: string} = {}): void {
    kernelCall({}, () => addon().tcxDetach(iface, point, programId, options.netns ?? null))
  }

  /** Removes the program from the hook. Idempotent. Throws BpfError when the interface is gone with an unexpected errno. */
  detach(): void {
    if (this.detached) return
    TcxLink.detachProgram(this.ifindex, this.attachPoint, this.programId, {netns: this.netns})
    this.detached = true
  }
}

/** A tc BPF filter on one interface and direction. */
export class TcLink {
  private detached = false

  constructor(readonly ifindex: number, readonly attachPoint: TcAttachPoint, readonly handle: number,
    readonly priority: number, readonly programId: number,
    /** Whether the attach created the clsact qdisc (then removeQdisc() restores the interface). */
    readonly createdQdisc: boolean, readonly netns?: string) {}

  /** Removes the filter. Idempotent. Throws BpfError when the interface is gone with an unexpected errno. */
  detach(): void {
    if (this.detached) return
    kernelCall({}, () => addon().tcDetach(this.ifindex, this.attachPoint, this.handle, this.priority, this.netns ?? null))
    this.detached = true
  }

  /** Removes the clsact qdisc of the interface with every filter on it (ours and others'). */
  removeQdisc(): void {
    kernelCall({}, () => addon().tcHookDestroy(this.ifindex, this.netns ?? null))
    this.detached = true
  }
}
