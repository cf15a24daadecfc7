import { readFileSync, realpathSync } from 'node:fs'
import { extname, relative, resolve, sep } from 'node:path'
import { type Problem, ProblemError, type Site } from '@dawnpress/core'
import { readYamlDocument } from '@dawnpress/core/internal'

/** The site's logo, checked: a file inside the project whose bytes are the image it says. */
export interface SiteLogo {
  /** The absolute path of the file. */
  file: string
  type: 'svg' | 'png' | 'jpeg'
  bytes: Buffer
}

/** Where the setting is, to point problems at it. */
export interface LogoSource {
  /** The site config as shown in messages. */
  shown: string
  /** The text of `site.json`, to find the setting's line; undefined for inline settings. */
  text: string | undefined
  /** The folder the logo path is relative to. */
  siteDir: string
  /** The project folder, which the logo may not leave (but for the folder of site.json). */
  root: string
}

const EXTENSIONS: Record<string, SiteLogo['type']> = {
  '.svg': 'svg',
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
}

/**
 * Reads and checks `card.logo` of the site settings, which the cards and the icons are drawn
 * from: the file must exist inside the project or the folder of `site.json` (no `..` or link
 * out of them), have a PNG, JPEG or SVG name, and hold that kind of image by its first bytes; an SVG may carry no script,
 * event handler or foreign object, since `favicon.svg` serves it from the site's origin.
 * Anything else is a `LOGO_INVALID` configuration problem at the setting's line.
 */
export function readSiteLogo(site: Site, source: LogoSource): SiteLogo | undefined {
  const logo = site.card.logo
  if (logo === undefined) return undefined
  const fail = (message: string, hint: string, cause?: unknown): never => {
    const at = source.text
      ? readYamlDocument(source.text).locate(['card', 'logo'], 'value')
      : { line: 1, column: 1 }
    const problem: Problem = {
      file: source.shown,
      ...at,
      path: ['card', 'logo'],
      code: 'LOGO_INVALID',
      severity: 'error',
      message,
      hint,
      ...(cause !== undefined && { cause }),
    }
    throw new ProblemError([problem], { cause })
  }
  const quoted = `"${logo.length > 60 ? `${logo.slice(0, 59)}…` : logo}"`
  const file = resolve(source.siteDir, logo)
  let real: string
  try {
    real = realpathSync(file)
  } catch (cause) {
    return fail(
      `The logo ${quoted} does not exist (looked for ${relative(source.root, file) || file}).`,
      'Set "card.logo" to an image file, relative to the folder of site.json.',
      cause,
    )
  }
  // Inside the project, or inside the folder of a site.json kept elsewhere (`--content`
  // pointing out of the project): never a file the site's own folders do not hold.
  const inside = (dir: string) => real.startsWith(`${realpathSync(dir)}${sep}`)
  if (!inside(source.root) && !inside(source.siteDir)) {
    return fail(
      `The logo ${quoted} is outside the project folder, so a build elsewhere would not find it.`,
      'Move the logo into the project (next to site.json, say) and point "card.logo" at it.',
    )
  }
  const type = EXTENSIONS[extname(real).toLowerCase()]
  if (type === undefined) {
    return fail(
      `The logo ${quoted} is not a PNG, JPEG or SVG file.`,
      'Convert it to SVG (best: sharp at every size) or to a square PNG of 512 px or more.',
    )
  }
  let bytes: Buffer
  try {
    bytes = readFileSync(real)
  } catch (cause) {
    return fail(
      `The logo ${quoted} could not be read (${(cause as NodeJS.ErrnoException).code ?? cause}).`,
      'Check that it is a file dawnpress may read.',
      cause,
    )
  }
  const actual = sniffImage(bytes)
  if (actual !== type) {
    return fail(
      `The logo ${quoted} is named as ${type.toUpperCase()} but ${actual === undefined ? 'is not an image' : `holds ${actual.toUpperCase()}`}.`,
      'Point "card.logo" at a real PNG, JPEG or SVG image, named by its kind.',
    )
  }
  if (type === 'svg' && UNSAFE_SVG.test(bytes.toString('utf8'))) {
    return fail(
      `The logo ${quoted} holds a script, an event handler or a foreign object, which would run on the site as favicon.svg.`,
      'Remove scripts, on… attributes, javascript: links and <foreignObject> from the SVG.',
    )
  }
  return { file: real, type, bytes }
}

const UNSAFE_SVG = /<script\b|<foreignObject\b|\son[a-z]+\s*=|javascript:/i

/** What an image's first bytes say it is: PNG, JPEG, SVG, or none of them. */
export function sniffImage(bytes: Uint8Array): SiteLogo['type'] | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  // An SVG is text whose first element is <svg>, after an XML declaration, comments or a
  // doctype, with or without a byte-order mark.
  const head = Buffer.from(bytes.subarray(0, 4096))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
  const start = head.replace(/^(?:\s|<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, '')
  return /^<svg[\s>]/.test(start) ? 'svg' : undefined
}
