/**
 * `pnpm check:packages [package folder ...]`: checks each published package (all of
 * `packages/*` that are not private, or the folders given) as its users get it, from the
 * tarball pnpm packs, and exits 1 when any check fails:
 *
 * - the tarball holds only what a user needs: package.json, README, LICENSE, dist/ and bin/;
 * - publint (strict) and @arethetypeswrong/cli find nothing in the tarball;
 * - `engines.node` is declared, allows this Node, 22 and 24, and every package in its
 *   runtime dependency tree allows all of it, as pnpm resolved them here and as npm does;
 * - `npm install` of the tarball (and those of the workspace packages it needs) into an
 *   empty project prints no EBADENGINE warning on this Node;
 * - the installed package loads with `require()` (without require(esm)) and with `import`,
 *   with the same exports, and its commands run;
 * - for `dawnpress`, a script in that project runs the incremental build with `createBuild`,
 *   and `dawnpress build` of the same content writes the same files.
 *
 * It runs on the built packages: `pnpm check:packages` builds them first.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import semver from 'semver'
import { findEngineMismatches } from './engines.ts'
import { installTarballs } from './install.ts'
import { attwTarball, publintTarball, unneededFiles } from './lint-tarball.ts'
import { isEsmOnly, loadInstalled } from './load-installed.ts'
import { checkOutsideProject } from './outside-project.ts'
import { pnpmCommand, runOk } from './run.ts'
import {
  listPublishedPackages,
  readPublishedPackages,
  type WorkspacePackage,
  workspaceDependencies,
} from './workspace.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Node lines a published package must run on besides this one. */
const REQUIRED_NODE_LINES = ['22', '24']

const all = listPublishedPackages(ROOT)
const byName = new Map(all.map((pkg) => [pkg.manifest.name, pkg]))
const args = process.argv.slice(2).filter((arg) => arg !== '--')
const targets = readTargets(args)
const temp = await mkdtemp(join(tmpdir(), 'dawnpress-check-packages-'))
let failed = 0
try {
  const tarballs = new Map<string, string>()
  const pack = async (pkg: WorkspacePackage) => {
    const cached = tarballs.get(pkg.manifest.name)
    if (cached) return cached
    const [command, prefix] = pnpmCommand()
    const { stdout } = await runOk(
      command,
      [...prefix, 'pack', '--pack-destination', join(temp, 'tarballs'), '--json'],
      pkg.dir,
    )
    const tarball = (JSON.parse(stdout) as { filename: string }).filename
    tarballs.set(pkg.manifest.name, tarball)
    return tarball
  }

  for (const pkg of targets) {
    const { name } = pkg.manifest
    const started = performance.now()
    const problems: string[] = []
    const tarball = await pack(pkg)
    const dependencies = workspaceDependencies(pkg, byName)
    const dependencyTarballs = await Promise.all(
      dependencies.map((dependency) => pack(byName.get(dependency) as WorkspacePackage)),
    )

    const declared = pkg.manifest.engines?.node
    if (!declared) problems.push('package.json declares no engines.node.')
    else problems.push(...checkDeclaredRange(declared))

    for (const path of await unneededFiles(tarball)) {
      problems.push(
        `the tarball holds ${path}, which no user needs (list what it ships in "files").`,
      )
    }
    for (const message of await publintTarball(tarball)) problems.push(`publint: ${message}`)
    const esmOnly = isEsmOnly(pkg.manifest)
    for (const message of await attwTarball(tarball, ROOT, { esmOnly })) {
      problems.push(`attw: ${message}`)
    }

    if (declared) {
      for (const mismatch of findEngineMismatches(pkg.dir, declared)) {
        problems.push(
          `${mismatch.dependency} wants Node ${mismatch.wants}, in the workspace's install (${mismatch.via}).`,
        )
      }
    }

    const project = join(temp, 'projects', name.replace('/', '+'))
    const install = await installTarballs(project, [tarball, ...dependencyTarballs])
    if (install.badEngines.length > 0) {
      problems.push(`npm install warned about engines:\n${install.badEngines.join('\n')}`)
    }
    if (declared) {
      for (const mismatch of findEngineMismatches(join(project, 'node_modules', name), declared)) {
        problems.push(
          `${mismatch.dependency} wants Node ${mismatch.wants}, as npm installed it (${mismatch.via}).`,
        )
      }
    }
    for (const failure of await loadInstalled(project, pkg.manifest)) problems.push(failure)
    if (name === 'dawnpress') {
      for (const failure of await checkOutsideProject(project)) problems.push(failure)
    }

    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    if (problems.length === 0) {
      console.log(`✔ ${name} (engines.node ${declared}) in ${seconds} s`)
    } else {
      failed += 1
      console.log(`✘ ${name} (engines.node ${declared ?? 'missing'}) in ${seconds} s`)
      for (const problem of problems) console.log(`  - ${problem.replaceAll('\n', '\n    ')}`)
    }
    for (const warning of install.warnings) console.log(`  npm: ${warning}`)
  }
} finally {
  await rm(temp, { recursive: true, force: true })
}
if (failed > 0) {
  console.log(`\n${failed} of ${plural(targets.length, 'package')} failed the checks.`)
  process.exitCode = 1
} else {
  console.log(`\n${plural(targets.length, 'package')} passed.`)
}

function readTargets(dirs: readonly string[]): WorkspacePackage[] {
  if (dirs.length === 0) return all
  try {
    return readPublishedPackages(dirs)
  } catch (error) {
    console.error(`check-packages: ${(error as Error).message}`)
    process.exit(2)
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** What is wrong with a declared `engines.node`: it must allow this Node, 22 and 24. */
function checkDeclaredRange(declared: string): string[] {
  if (!semver.validRange(declared)) return [`engines.node "${declared}" is not a valid range.`]
  const problems: string[] = []
  if (!semver.satisfies(process.version, declared)) {
    problems.push(`engines.node "${declared}" does not allow this Node, ${process.version}.`)
  }
  for (const line of REQUIRED_NODE_LINES) {
    if (!semver.intersects(declared, `^${line}.0.0`)) {
      problems.push(`engines.node "${declared}" does not allow Node ${line}.`)
    }
  }
  return problems
}
