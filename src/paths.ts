/**
 * Where the package is installed. Code is run both from dist/src/** (tsc output: tests,
 * the library) and from dist/bundle/*.js (the bins' bundle), so a path relative to
 * import.meta.url would differ between the two: resolve files from the package root.
 */
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as {name?: string}).name === 'ciliumkit') return dir
    if (dirname(dir) === dir) throw new Error(`ciliumkit: no package root above ${from}`)
  }
}

/** The directory holding ciliumkit's package.json. */
export const packageRoot: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)))

/** ciliumkit's version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as {version: string}).version
}

/** A path inside the package: `packagePath('src', 'native', 'build')`. */
export function packagePath(...parts: string[]): string {
  return join(packageRoot, ...parts)
}
