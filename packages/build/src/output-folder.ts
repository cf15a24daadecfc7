import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { basename, dirname, join, resolve, sep } from 'node:path'
import { ProblemError } from '@dawnpress/core'
import { problemAt } from '@dawnpress/core/internal'
import { shownPath } from './shown-path.ts'

/**
 * The file dawnpress writes into every folder it builds. A folder that holds other files
 * but not this one is someone else's, and is never replaced.
 */
export const OUTPUT_MARKER = '.dawnpress-output'

const MARKER_TEXT = `${JSON.stringify({
  createdBy: 'dawnpress',
  note: 'dawnpress replaces this whole folder on every build. Keep your own files elsewhere.',
})}\n`

/** Folders an output must never be, nor contain. */
export interface ProtectedFolders {
  /** The project root, which holds the config. */
  root: string
  /** The content: the folder of articles and the folder the site config is in. */
  content: readonly string[]
  /** The cache folder, which must not be inside the output either. */
  cacheDir: string
  /** What the option that named the output is called, for messages (`--out`, `outputs.package.dir`). */
  option: string
  /**
   * Recognises a folder dawnpress wrote that carries no marker (a package's `dist/`, which
   * is published as it is). @default only the marker counts
   */
  isOurs?: (dir: string) => boolean
}

/**
 * Throws a `ProblemError` (exit 2) unless `outDir` is a folder a build may replace: one
 * that does not exist, is empty, or carries dawnpress's marker. Never the working directory,
 * the project or repository root, the home folder, the file system root, the content, or
 * any folder that contains one of them; and the cache may not be inside it.
 */
export function assertReplaceableOutput(outDir: string, protect: ProtectedFolders): void {
  const target = realOrResolved(outDir)
  const refuse = (message: string, hint: string) => {
    throw new ProblemError([
      problemAt(shownPath(outDir), 'OUTPUT_NOT_OWNED', message, hint, { path: [protect.option] }),
    ])
  }
  const named = [
    { path: process.cwd(), what: 'the working directory' },
    { path: protect.root, what: 'the project folder' },
    { path: repositoryRoot(protect.root), what: 'the root of the repository' },
    { path: homedir(), what: 'your home folder' },
    ...protect.content.map((path) => ({ path, what: 'the content folder' })),
  ]
  for (const { path, what } of named) {
    if (path === undefined) continue
    const real = realOrResolved(path)
    if (what === 'the content folder' && isInside(target, real)) {
      refuse(
        `The output folder "${shownPath(outDir)}" is inside the content folder, where its files would be read as content.`,
        `Pass ${protect.option} a folder outside the content, such as "dist".`,
      )
    }
    if (real === target || isInside(real, target)) {
      refuse(
        `The output folder "${shownPath(outDir)}" is ${real === target ? what : `a folder that contains ${what}`}; a build replaces its output folder whole, so it would delete it.`,
        `Pass ${protect.option} a folder of its own, such as "dist".`,
      )
    }
  }
  if (dirname(target) === target) {
    refuse(
      'The output folder is the root of the file system.',
      `Pass ${protect.option} a folder of its own.`,
    )
  }
  const cache = realOrResolved(protect.cacheDir)
  if (cache === target || isInside(target, cache)) {
    refuse(
      `The cache folder "${shownPath(protect.cacheDir)}" is inside the output folder, which every build replaces.`,
      'Put the cache elsewhere (--cache DIR), such as node_modules/.cache/dawnpress.',
    )
  }
  if (!existsSync(target)) return
  if (!statSync(target).isDirectory()) {
    refuse(
      `"${shownPath(outDir)}" is a file, not a folder.`,
      `Pass ${protect.option} the name of a folder.`,
    )
  }
  const entries = readdirSync(target)
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return
  if (protect.isOurs?.(target)) return
  const sample = entries
    .slice(0, 3)
    .map((name) => `"${name}"`)
    .join(', ')
  refuse(
    `The output folder "${shownPath(outDir)}" holds files that dawnpress did not write (${sample}${entries.length > 3 ? ', …' : ''}); a build replaces the whole folder, so it would delete them.`,
    `Pass ${protect.option} an empty or new folder, or move those files away first.`,
  )
}

/** A folder being written, to become the output folder as a whole once it is complete. */
export interface StagedFolder {
  /** The staging folder: write into it. */
  dir: string
  /** Puts the staged folder in place of the output folder. */
  commit(): Promise<void>
  /** Removes the staged folder; the output folder stays as it was. */
  abort(): Promise<void>
}

/**
 * Starts writing a new version of `outDir` into a sibling folder, after removing what a
 * killed build may have left beside it. `commit` moves the old folder aside, moves the new
 * one in and deletes the old one, putting it back if the move fails: the output is never
 * half-written, and a failed build leaves it as it was.
 */
export async function stageOutput(
  outDir: string,
  options: { marker?: boolean } = {},
): Promise<StagedFolder> {
  const target = resolve(outDir)
  await removeLeftovers(target)
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`
  const staged = join(dirname(target), `.${basename(target)}.building-${suffix}`)
  await mkdir(staged, { recursive: true })
  if (options.marker ?? true) await writeFile(join(staged, OUTPUT_MARKER), MARKER_TEXT)
  return {
    dir: staged,
    async commit() {
      const previous = join(dirname(target), `.${basename(target)}.previous-${suffix}`)
      const hadPrevious = existsSync(target)
      if (hadPrevious) await rename(target, previous)
      try {
        await rename(staged, target)
      } catch (error) {
        if (hadPrevious) await rename(previous, target)
        throw error
      }
      if (hadPrevious) await rm(previous, { recursive: true, force: true })
    },
    abort: () => rm(staged, { recursive: true, force: true }),
  }
}

/** Marks a folder that dawnpress writes in place (a card preview) as its own. */
export function writeOutputMarker(dir: string): Promise<void> {
  return mkdir(dir, { recursive: true }).then(() =>
    writeFile(join(dir, OUTPUT_MARKER), MARKER_TEXT),
  )
}

/**
 * Removes the staging and set-aside folders of builds of `outDir` that were killed: only
 * those with dawnpress's name pattern (a process id and 8 hex digits), which no one else
 * writes.
 */
async function removeLeftovers(outDir: string): Promise<void> {
  const parent = dirname(outDir)
  const prefix = `.${basename(outDir)}.`
  let names: string[]
  try {
    names = readdirSync(parent)
  } catch {
    return
  }
  const ours = new RegExp(`^${escapeRegExp(prefix)}(?:building|previous)-\\d+-[0-9a-f]{8}$`)
  for (const name of names) {
    if (!ours.test(name)) continue
    await rm(join(parent, name), { recursive: true, force: true })
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The closest folder above `from` that holds `.git`, if any. */
function repositoryRoot(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir
    if (dirname(dir) === dir) return undefined
  }
}

function realOrResolved(path: string): string {
  const absolute = resolve(path)
  try {
    return realpathSync(absolute)
  } catch {
    // A folder that does not exist yet: its nearest existing parent decides where it is.
    const parent = dirname(absolute)
    return parent === absolute ? absolute : join(realOrResolved(parent), basename(absolute))
  }
}

/** True when `inner` is strictly below `outer`. */
function isInside(inner: string, outer: string): boolean {
  return inner.startsWith(outer.endsWith(sep) ? outer : `${outer}${sep}`)
}
