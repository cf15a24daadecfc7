import { realpathSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import type { Problem } from '@dawnpress/core'
import { problemAt } from '@dawnpress/core/internal'
import type { MemorySink, OutputFile, OutputSink } from './output-sink.ts'
import { shownPath } from './shown-path.ts'

/**
 * The site's own files, which a file of the public folder may replace: a `robots.txt` of
 * your own, icons drawn by hand. Any other path dawnpress writes is taken.
 */
export const REPLACEABLE_PATHS: ReadonlySet<string> = new Set([
  'robots.txt',
  'favicon.ico',
  'favicon.svg',
  'apple-touch-icon.png',
  'icon-192.png',
  'icon-512.png',
  'icon-maskable-512.png',
  'manifest.webmanifest',
])

/**
 * Copies the public folder into the output as it is, before anything else, and returns the
 * sink the rest of the build writes through: a path a public file holds is left to it when
 * it is one of the site's own files (`REPLACEABLE_PATHS`), and is a `PUBLIC_PATH_TAKEN`
 * error otherwise, so that nothing the build writes vanishes unannounced. A link (symlink)
 * out of the folder is refused.
 */
export async function writePublicFiles(
  publicDir: string,
  files: ReadonlyMap<string, string>,
  sink: OutputSink,
  problems: Problem[],
): Promise<OutputSink> {
  const taken = new Set<string>()
  const realDir = realpathSync(publicDir)
  for (const file of files.keys()) {
    const from = join(publicDir, file)
    if (!isInside(from, realDir)) {
      problems.push(
        problemAt(
          shownPath(from),
          'PUBLIC_LINK_OUTSIDE',
          `"${file}" in the public folder is a link to a file outside it, which would publish whatever it points at.`,
          'Copy the file into the public folder instead of linking to it.',
        ),
      )
      continue
    }
    await sink.copy(file, from)
    taken.add(file)
  }
  if (taken.size === 0) return sink

  const clash = (path: string) => {
    problems.push(
      problemAt(
        shownPath(join(publicDir, path)),
        'PUBLIC_PATH_TAKEN',
        `The public file "${path}" has the path of a file the build writes, which it would replace.`,
        `Rename or move it: only the site's own files (${[...REPLACEABLE_PATHS].join(', ')}) may be replaced from the public folder.`,
      ),
    )
  }
  /** Whether the build writes `path`: false when a public file holds it. */
  const keep = (path: string) => {
    if (!taken.has(path)) return true
    if (!REPLACEABLE_PATHS.has(path)) clash(path)
    return false
  }
  const guarded: OutputSink = {
    get dir() {
      return sink.dir
    },
    get count() {
      return sink.count
    },
    write: (batch: readonly OutputFile[]) => sink.write(batch.filter((file) => keep(file.path))),
    copy: async (path, from) => {
      if (keep(path)) await sink.copy(path, from)
    },
    reuse: async (path, from) => (keep(path) ? sink.reuse(path, from) : true),
    claim: (paths) => sink.claim(paths.filter(keep)),
  }
  if (!('lazy' in sink)) return guarded
  const memory = sink as MemorySink
  return Object.assign(guarded, {
    get files() {
      return memory.files
    },
    lazy: (path: string, make: () => Promise<Uint8Array>) => {
      if (keep(path.replace(/^\//, ''))) memory.lazy(path, make)
    },
  })
}

function isInside(path: string, realDir: string): boolean {
  try {
    const rel = relative(realDir, realpathSync(path))
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
  } catch {
    return false
  }
}
