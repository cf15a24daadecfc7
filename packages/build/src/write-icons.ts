import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Site } from '@dawnpress/core'
import type { SiteIcons } from '@dawnpress/pages'
import { defaultMark, type IconSource, renderIcons } from './icons.ts'
import type { SiteLogo } from './logo.ts'
import type { OutputSink } from './output-sink.ts'
import { sharpVersion } from './sharp.ts'

/** Bump when the icons' drawing changes, so that cached icons are drawn again. */
const ICONS_VERSION = 1

/** Icon sets kept in the cache: the latest few logos and sites (a dev and a build site). */
const KEEP = 8

/** What `writeIcons` needs. */
export interface IconsInput {
  site: Site
  /** The site's logo; undefined draws the default mark. */
  logo: SiteLogo | undefined
  /** The folder of cached icon sets (`cacheLayout().icons`). */
  cacheDir: string
}

/**
 * Puts the site's icons and manifest into `sink` from the cache, drawing them with sharp
 * only when no set was drawn from the same image, site settings and sharp version (sharp
 * is loaded only then). Resolves what the pages' heads should link.
 */
export async function writeIcons(
  input: IconsInput,
  sink: OutputSink,
): Promise<{ icons: SiteIcons; drawn: boolean }> {
  const source: IconSource = input.logo ?? defaultMark(input.site)
  const key = iconsKey(source, input.site)
  const folder = join(input.cacheDir, key)
  let paths = readCachedSet(folder)
  const drawn = paths === undefined
  if (paths === undefined) {
    const files = await renderIcons(source, input.site)
    // Written beside and renamed into place: a killed build leaves no half set.
    const staging = `${folder}.${process.pid}.tmp`
    rmSync(staging, { recursive: true, force: true })
    for (const file of files) {
      await mkdir(dirname(join(staging, file.path)), { recursive: true })
      await writeFile(join(staging, file.path), file.contents)
    }
    paths = files.map((file) => file.path)
    await writeFile(join(staging, SET_INDEX), `${JSON.stringify(paths)}\n`)
    rmSync(folder, { recursive: true, force: true })
    renameSync(staging, folder)
    pruneSets(input.cacheDir, key)
  }
  for (const path of paths) await sink.copy(path, join(folder, path))
  return { icons: { svg: source.type === 'svg' }, drawn }
}

/**
 * What the pages link for a site with this logo: `favicon.svg` too for an SVG or no logo,
 * or when the public folder holds one. A public file at an icon path wins over the drawn
 * icon (see `REPLACEABLE_PATHS`), so hand-drawn icons are linked the same way.
 */
export function linkedIcons(
  logo: SiteLogo | undefined,
  publicFiles: ReadonlyMap<string, string> = new Map(),
): SiteIcons {
  return { svg: (logo?.type ?? 'svg') === 'svg' || publicFiles.has('favicon.svg') }
}

const SET_INDEX = 'files.json'

/** Everything an icon set is drawn from: the image, the settings the manifest shows, sharp. */
function iconsKey(source: IconSource, site: Site): string {
  const { title, description, language, url, card } = site
  return createHash('sha256')
    .update(JSON.stringify({ ICONS_VERSION, sharp: sharpVersion(), type: source.type }))
    .update(JSON.stringify({ title, description, language, url, background: card.background }))
    .update(source.bytes)
    .digest('hex')
    .slice(0, 32)
}

function readCachedSet(folder: string): string[] | undefined {
  try {
    const paths = JSON.parse(readFileSync(join(folder, SET_INDEX), 'utf8')) as unknown
    if (!Array.isArray(paths) || !paths.every((path) => typeof path === 'string')) return undefined
    for (const path of paths) statSync(join(folder, path))
    return paths
  } catch {
    return undefined
  }
}

/** Removes all but the newest sets, so that a logo edited many times does not pile up. */
function pruneSets(cacheDir: string, keep: string): void {
  const sets = readdirSync(cacheDir)
    .filter((name) => /^[0-9a-f]{32}$/.test(name) && name !== keep)
    .map((name) => ({ name, mtime: statSync(join(cacheDir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? -1 : 1))
  for (const set of sets.slice(KEEP - 1)) {
    rmSync(join(cacheDir, set.name), { recursive: true, force: true })
  }
}
