/**
 * Version lines in the shape of the real CLIs. Go prints GOOS/GOARCH, so x64 is amd64; the
 * commit comes from dist/build-info.json, which the build writes (scripts/build-manifest.js).
 */
import {readFileSync} from 'node:fs'
import {packagePath, packageVersion} from '../paths.js'

const goArch: Readonly<Record<string, string>> = {x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm'}

/** `linux/amd64`, as Go's runtime.GOOS/runtime.GOARCH read. */
export function goPlatform(platform: string = process.platform, arch: string = process.arch): string {
  return `${platform}/${goArch[arch] ?? arch}`
}

export interface BuildInfo {
  revision?: string
  branch?: string
  authorDate?: string
}

export function buildInfo(): BuildInfo {
  try {
    return JSON.parse(readFileSync(packagePath('dist', 'build-info.json'), 'utf8')) as BuildInfo
  } catch {
    return {}
  }
}

/**
 * Cilium's version string, seven fields as its `version.FromString` splits them:
 * `0.1.0 abc1234 2026-11-24T00:00:00+00:00 node version v20.20.2 linux/amd64`.
 */
export function ciliumVersionString(info: BuildInfo = buildInfo(), version: string = packageVersion(),
  node: string = process.version): string {
  return `${version} ${info.revision ?? 'unknown'} ${info.authorDate ?? 'unknown'} node version ${node} ${goPlatform()}`
}

/** The `CiliumVersion` model `cilium version -o json` prints, parsed as Cilium parses the string. */
export interface CiliumVersion {
  Version: string
  Revision: string
  GoRuntimeVersion: string
  Arch: string
  AuthorDate: string
}

/** Cilium's `version.FromString`: anything but seven fields gives empty fields. */
export function parseCiliumVersion(text: string): CiliumVersion {
  const f = text.split(' ')
  if (f.length !== 7) return {Version: '', Revision: '', GoRuntimeVersion: '', Arch: '', AuthorDate: ''}
  return {Version: f[0], Revision: f[1], GoRuntimeVersion: f[5], Arch: f[6], AuthorDate: f[2]}
}

/** `hubble version`: `hubble v0.1.0@main-abc1234 compiled with node v20.20.2 on linux/amd64`. */
export function hubbleVersionLine(version: string, info: BuildInfo = buildInfo(), node: string = process.version): string {
  const build = info.revision ? `@${info.branch ?? 'HEAD'}-${info.revision}` : ''
  return `hubble v${version}${build} compiled with node ${node} on ${goPlatform()}`
}
