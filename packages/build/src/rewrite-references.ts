import { absoluteUrl, escapeHtml, type SanitizedHtml } from '@dawnpress/core'
import { type HtmlAttribute, lexHtml } from '@dawnpress/core/internal'
import { ASSETS_FOLDER, type Resolution } from './asset-references.ts'
import type { ImageInfo, ImageVariant } from './images.ts'

/** An image as the page shows it: its size and smaller copies. */
export interface PlacedImage {
  info: ImageInfo
  variants: readonly ImageVariant[]
}

/** The widths the article column takes, for `sizes`: 42rem, or the viewport on a phone. */
export const IMAGE_SIZES = '(min-width: 42rem) 42rem, 100vw'

/**
 * Rewrites the relative URLs of an article's (sanitised) HTML to what they resolved to: a
 * link to another article's file becomes its page, an image or file its content-hashed copy.
 * Each image also gets its `width` and `height` (no layout shift when it loads), a `srcset`
 * of its WebP copies, `decoding="async"`, and `loading="lazy"` except the first when
 * `eagerFirst` (an image at the top of an article with no cover is on the first screen).
 * Everything else is left byte for byte as it was.
 */
export function rewriteReferences(
  html: SanitizedHtml,
  urls: ReadonlyMap<string, Resolution>,
  images: ReadonlyMap<string, PlacedImage>,
  options: { eagerFirst: boolean },
): SanitizedHtml {
  if (urls.size === 0) return html
  let out = ''
  let copied = 0
  let firstImage = true
  for (const piece of lexHtml(html)) {
    if (piece.kind !== 'start' || (piece.name !== 'img' && piece.name !== 'a')) continue
    const name = piece.name === 'img' ? 'src' : 'href'
    const attribute = piece.attributes.find((item) => item.name === name)
    const resolution = attribute && urls.get(attribute.value)
    if (piece.name === 'img' && attribute) {
      const eager = options.eagerFirst && firstImage
      firstImage = false
      if (resolution?.kind !== 'asset') continue
      const placed = images.get(resolution.asset.path)
      const attributes = imageAttributes(piece.attributes, resolution.url, placed, eager)
      out += html.slice(copied, piece.start) + serializeTag('img', attributes, piece.selfClosing)
      copied = piece.end
    } else if (resolution) {
      const attributes = piece.attributes.map((item) =>
        item === attribute ? { name, value: resolution.url } : item,
      )
      out +=
        html.slice(copied, piece.start) + serializeTag(piece.name, attributes, piece.selfClosing)
      copied = piece.end
    }
  }
  return (out + html.slice(copied)) as SanitizedHtml
}

/** The attributes of a rewritten `<img>`: the author's, then size, loading and `srcset`. */
function imageAttributes(
  attributes: readonly HtmlAttribute[],
  src: string,
  placed: PlacedImage | undefined,
  eager: boolean,
): { name: string; value: string }[] {
  const has = (name: string) => attributes.some((item) => item.name === name)
  const result = attributes.map((item) =>
    item.name === 'src' ? { name: 'src', value: src } : item,
  )
  if (placed && !has('width') && !has('height')) {
    result.push({ name: 'width', value: String(placed.info.width) })
    result.push({ name: 'height', value: String(placed.info.height) })
  }
  if (!has('loading')) result.push({ name: 'loading', value: eager ? 'eager' : 'lazy' })
  if (!has('decoding')) result.push({ name: 'decoding', value: 'async' })
  if (placed && placed.variants.length > 0 && !has('srcset')) {
    const candidates = placed.variants.map((variant) => `${variant.path} ${variant.width}w`)
    candidates.push(`${src} ${placed.info.width}w`)
    result.push({ name: 'srcset', value: candidates.join(', ') })
    if (!has('sizes')) result.push({ name: 'sizes', value: IMAGE_SIZES })
  }
  return result
}

/** A start tag as markdown-it writes one: `<name a="b">`, values escaped. */
function serializeTag(
  name: string,
  attributes: readonly { name: string; value: string }[],
  selfClosing: boolean,
): string {
  const written = attributes.map((item) => ` ${item.name}="${escapeHtml(item.value)}"`).join('')
  return `<${name}${written}${selfClosing ? ' /' : ''}>`
}

const ASSET_PREFIX = `/${ASSETS_FOLDER}/`

/**
 * The article's HTML with the URLs of its copied files (`/assets/…`, in `src`, `href` and
 * `srcset`) absolute under the site's URL, for the content package: an app that imports
 * it shows the images from the published site, wherever the app is served.
 */
export function absolutizeAssets(html: SanitizedHtml, siteUrl: string): SanitizedHtml {
  if (!html.includes(`"${ASSET_PREFIX}`)) return html
  const absolute = (url: string) => (url.startsWith(ASSET_PREFIX) ? absoluteUrl(siteUrl, url) : url)
  let out = ''
  let copied = 0
  for (const piece of lexHtml(html)) {
    if (piece.kind !== 'start') continue
    let changed = false
    const attributes = piece.attributes.map((item) => {
      let value = item.value
      if (item.name === 'src' || item.name === 'href') value = absolute(value)
      else if (item.name === 'srcset') {
        value = value
          .split(', ')
          .map((candidate) => {
            const space = candidate.indexOf(' ')
            return space === -1
              ? absolute(candidate)
              : absolute(candidate.slice(0, space)) + candidate.slice(space)
          })
          .join(', ')
      }
      if (value !== item.value) changed = true
      return { name: item.name, value }
    })
    if (!changed) continue
    out += html.slice(copied, piece.start) + serializeTag(piece.name, attributes, piece.selfClosing)
    copied = piece.end
  }
  return (out + html.slice(copied)) as SanitizedHtml
}
