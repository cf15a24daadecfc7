import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runOk } from './run.ts'

/** What `npm install` printed about the project it installed. */
export interface InstallResult {
  /** The folder of the project, with its node_modules. */
  projectDir: string
  /** Every `npm warn EBADENGINE` line and the lines that explain it. */
  badEngines: string[]
  /** Every other warning npm printed. */
  warnings: string[]
}

/**
 * Installs `tarballs` with npm, as a user's project on this Node would: a new, empty project
 * in `projectDir`, our packages from their tarballs, everything else from the registry.
 * Install scripts are not run; npm checks engines all the same.
 */
export async function installTarballs(
  projectDir: string,
  tarballs: readonly string[],
): Promise<InstallResult> {
  await mkdir(projectDir, { recursive: true })
  await writeFile(
    join(projectDir, 'package.json'),
    `${JSON.stringify({ name: 'consumer', private: true }, null, 2)}\n`,
  )
  const { stdout, stderr } = await runOk(
    'npm',
    [
      'install',
      ...tarballs,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=warn',
    ],
    projectDir,
  )
  // pnpm passes its own settings on as npm_config_* variables, which npm does not know.
  const lines = `${stderr}\n${stdout}`
    .split('\n')
    .filter((line) => line.startsWith('npm warn') && !/Unknown (env|project) config/.test(line))
  return {
    projectDir,
    badEngines: lines.filter((line) => /^npm warn EBADENGINE\b/.test(line)),
    warnings: lines.filter((line) => !/^npm warn EBADENGINE\b/.test(line)),
  }
}
