import { basename, extname } from 'node:path'

/** What a slug may look like: lowercase letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** True when `value` is a slug that is safe as a file name and as a URL segment. */
export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value) && value.length <= 200
}

/**
 * Turns any text into a slug: accents dropped, lowercase, runs of other characters replaced
 * by one hyphen. `"Café & Crème: 2025"` becomes `"cafe-creme-2025"`. May return `""`.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200)
    .replace(/-+$/, '')
}

/** The slug an article gets from its file name: `content/Hello World.md` gives `hello-world`. */
export function slugFromPath(path: string): string {
  return slugify(basename(path, extname(path)))
}
