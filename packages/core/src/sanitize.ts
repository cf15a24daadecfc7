import sanitize from 'sanitize-html'

/**
 * What may survive from raw HTML in an article: the elements and attributes Markdown itself
 * produces, plus common presentational ones. No scripts, styles, frames, forms, event
 * handlers or `javascript:` URLs.
 */
const SANITIZE_OPTIONS: sanitize.IOptions = {
  allowedTags: [
    ...sanitize.defaults.allowedTags,
    'img',
    'picture',
    'source',
    'figure',
    'figcaption',
    'del',
    'ins',
    's',
    'sup',
    'sub',
    'details',
    'summary',
    'input',
    'label',
    'section',
    'kbd',
    'mark',
    'video',
    'audio',
  ],
  allowedAttributes: {
    '*': ['id', 'class', 'title', 'lang', 'dir', 'aria-*', 'align'],
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'srcset', 'alt', 'width', 'height', 'loading', 'sizes'],
    source: ['src', 'srcset', 'type', 'media', 'sizes'],
    video: ['src', 'poster', 'controls', 'width', 'height'],
    audio: ['src', 'controls'],
    ol: ['start', 'reversed', 'type'],
    td: ['colspan', 'rowspan', 'style'],
    th: ['colspan', 'rowspan', 'style', 'scope'],
    input: ['type', 'checked', 'disabled'],
    details: ['open'],
  },
  allowedStyles: { '*': { 'text-align': [/^(?:left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href', 'src', 'srcset', 'poster'],
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs.type !== 'checkbox',
}

/**
 * Removes everything from rendered HTML that could run code or break out of the page:
 * `<script>`, `<style>`, `<iframe>`, `on*` attributes, `javascript:` URLs and the like.
 */
export function sanitizeHtml(html: string): string {
  return sanitize(html, SANITIZE_OPTIONS)
}
