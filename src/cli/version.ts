/** Version lines in the shape of the real CLIs (Go prints GOOS/GOARCH, so x64 is amd64). */

const goArch: Readonly<Record<string, string>> = {x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm'}

/** `linux/amd64`, as Go's runtime.GOOS/runtime.GOARCH read. */
export function goPlatform(platform: string = process.platform, arch: string = process.arch): string {
  return `${platform}/${goArch[arch] ?? arch}`
}

/** `hubble version`: `hubble v0.1.0 compiled with node v20.20.2 on linux/amd64`. */
export function hubbleVersionLine(version: string, node: string = process.version): string {
  return `hubble v${version} compiled with node ${node} on ${goPlatform()}`
}
