import { join } from 'node:path'
import { run } from './run.ts'
import type { Manifest } from './workspace.ts'

/**
 * Loads an installed package the ways its users do, from the project it was installed in:
 * `require()` as Node versions without require(esm) do, and `import`, which must give the
 * same export names; and each command it installs, with `--version`. Returns what failed.
 */
export async function loadInstalled(projectDir: string, manifest: Manifest): Promise<string[]> {
  const failures: string[] = []
  const name = JSON.stringify(manifest.name)
  if (hasMainEntry(manifest) && isEsmOnly(manifest)) {
    const imported = await run(
      process.execPath,
      ['-e', `import(${name}).then(() => {})`],
      projectDir,
    )
    if (imported.code !== 0) failures.push(`import(${name}) failed:\n${imported.stderr}`)
  } else if (hasMainEntry(manifest)) {
    const required = await run(
      process.execPath,
      [
        '--no-experimental-require-module',
        '-e',
        `process.stdout.write(JSON.stringify(Object.keys(require(${name})).sort()))`,
      ],
      projectDir,
    )
    const imported = await run(
      process.execPath,
      [
        '-e',
        `import(${name}).then((m) => process.stdout.write(JSON.stringify(Object.keys(m).filter((k) => k !== 'default' && k !== 'module.exports').sort())))`,
      ],
      projectDir,
    )
    if (required.code !== 0) failures.push(`require(${name}) failed:\n${required.stderr}`)
    if (imported.code !== 0) failures.push(`import(${name}) failed:\n${imported.stderr}`)
    if (required.code === 0 && imported.code === 0 && required.stdout !== imported.stdout) {
      failures.push(
        `require(${name}) and import(${name}) give different exports:\n${required.stdout}\n${imported.stdout}`,
      )
    }
  }
  const bins = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : manifest.bin
  for (const bin of Object.keys(bins ?? {})) {
    const result = await run(join(projectDir, 'node_modules/.bin', bin), ['--version'], projectDir)
    if (result.code !== 0)
      failures.push(`${bin} --version exited ${result.code}:\n${result.stderr}`)
  }
  return failures
}

function hasMainEntry(manifest: Manifest): boolean {
  const { exports } = manifest
  if (typeof exports === 'string') return true
  return typeof exports === 'object' && exports !== null && '.' in exports
}

/**
 * Whether a package is an ES module only, on purpose: its `exports` offer `.` without a
 * `require` condition (the command line, whose config files are loaded as modules).
 */
export function isEsmOnly(manifest: Manifest): boolean {
  const { exports } = manifest
  if (typeof exports !== 'object' || exports === null) return false
  const main = (exports as Record<string, unknown>)['.']
  return typeof main === 'object' && main !== null && !('require' in main) && !('node' in main)
}
