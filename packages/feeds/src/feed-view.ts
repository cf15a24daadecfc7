import { isLanguageTag } from '@dawnpress/core'
import type { Author, Category, Enclosure, Extension, Feed } from 'feed'
import { mediaTypeOf } from './media-types.ts'
import { cleanText } from './text.ts'
import type { FeedItem } from './types.ts'

/** A person, text cleaned, with only the URL and e-mail address that are usable. */
export interface PersonView {
  name: string
  email?: string
  url?: string
  avatar?: string
}

/** A category: `term` is what it is (Atom `term`, RSS text), `label` how it reads. */
export interface CategoryView {
  term: string
  label: string
  scheme?: string
  domain?: string
}

/** A file that goes with an item: what `feed` calls an enclosure, image, audio or video. */
export interface EnclosureView {
  kind: 'enclosure' | 'image' | 'audio' | 'video'
  url: string
  /** The media type, given or known from the extension; undefined when neither. */
  type: string | undefined
  /** Bytes; 0 when unknown. */
  length: number
  title?: string
  duration?: number
}

/** A feed's own fields as every writer reads them: text cleaned, URLs checked. */
export interface ChannelView {
  /** The Atom id: `id`, else the self link, else the home page. */
  id: string
  title: string
  description: string
  link: string | undefined
  language: string | undefined
  /** The feed's own date; the writers fall back on the newest item's. */
  updated: Date | undefined
  generator: string | undefined
  docs: string
  ttl: number | undefined
  copyright: string | undefined
  self: { rss: string | undefined; atom: string | undefined; json: string | undefined }
  hub: string | undefined
  /** The feed's author, or one named after the feed: Atom and RSS need someone to credit. */
  author: PersonView
  categories: string[]
  contributors: PersonView[]
  logo: string | undefined
  icon: string | undefined
  stylesheet: string | undefined
  extensions: readonly Extension[]
}

/** One item as every writer reads it. */
export interface ItemView {
  id: string
  link: string
  /** The RSS guid when it is not the id. */
  guid: string | undefined
  title: string
  /** Plain text. */
  summary: string
  /** HTML; undefined for items without content. */
  content: string | undefined
  published: Date
  updated: Date
  authors: PersonView[]
  contributors: PersonView[]
  categories: CategoryView[]
  enclosures: EnclosureView[]
  copyright: string | undefined
  language: string | undefined
  extensions: readonly Extension[]
}

/** The writer's reading of a `feed` Feed's options and feed-level lists. */
export function viewChannel(feed: Feed): ChannelView {
  const options = feed.options
  const title = cleanText(options.title ?? '')
  const link = optionalUrl(options.link, 'the feed link')
  const self = {
    rss: optionalUrl(options.feed ?? options.feedLinks?.rss, 'the RSS self link'),
    atom: optionalUrl(options.feed ?? options.feedLinks?.atom, 'the Atom self link'),
    json: optionalUrl(options.feedLinks?.json, 'the JSON Feed self link'),
  }
  return {
    id: cleanText(options.id ?? self.atom ?? link ?? ''),
    title,
    description: cleanText(options.description ?? ''),
    link,
    language: readLanguage(options.language, 'the feed'),
    updated: options.updated === undefined ? undefined : readDate(options.updated, 'the feed'),
    generator:
      options.generator === false ? undefined : cleanText(options.generator ?? 'dawnpress'),
    docs: cleanText(options.docs ?? 'https://validator.w3.org/feed/docs/rss2.html'),
    ttl: Number.isInteger(options.ttl) && (options.ttl ?? 0) > 0 ? options.ttl : undefined,
    copyright: optionalText(options.copyright),
    self,
    hub: optionalUrl(options.hub, 'the hub'),
    author: (options.author && viewPerson(options.author)) ?? { name: title },
    categories: feed.categories.map((category) => cleanText(category).trim()).filter(Boolean),
    contributors: viewPeople(feed.contributors),
    logo: optionalUrl(options.image, 'the feed image'),
    icon: optionalUrl(options.favicon, 'the feed favicon'),
    stylesheet: optionalText(options.stylesheet),
    extensions: feed.extensions,
  }
}

/** The writer's reading of one item. Throws a `TypeError` for a link or date that is none. */
export function viewItem(item: FeedItem): ItemView {
  const link = requireUrl(item.link, `the link of item ${JSON.stringify(item.title)}`)
  const updated = readDate(item.date, `item ${JSON.stringify(item.title)}`)
  const id = cleanText(item.id ?? link)
  const guid = item.guid === undefined ? undefined : cleanText(item.guid)
  return {
    id,
    link,
    guid: guid === id ? undefined : guid,
    title: cleanText(item.title ?? ''),
    summary: cleanText(item.description ?? ''),
    content: item.content === undefined ? undefined : cleanText(item.content),
    published: item.published === undefined ? updated : readDate(item.published, 'an item'),
    updated,
    authors: viewPeople(item.author),
    contributors: viewPeople(item.contributor),
    categories: viewCategories(item.category),
    enclosures: [
      viewEnclosure(item.enclosure, 'enclosure'),
      viewEnclosure(item.image, 'image'),
      viewEnclosure(item.audio, 'audio'),
      viewEnclosure(item.video, 'video'),
    ].filter((enclosure): enclosure is EnclosureView => enclosure !== undefined),
    copyright: optionalText(item.copyright),
    language: readLanguage(item.language, `item ${JSON.stringify(item.title)}`),
    extensions: item.extensions ?? [],
  }
}

function viewPeople(people: readonly Author[] | undefined): PersonView[] {
  return (people ?? []).map(viewPerson).filter((person) => person !== undefined)
}

function viewPerson(person: Author): PersonView | undefined {
  const name = cleanText(person.name ?? '').trim()
  if (name === '') return undefined
  const url = person.link === undefined ? undefined : usableUrl(person.link)
  const avatar = person.avatar === undefined ? undefined : usableUrl(person.avatar)
  const email = person.email?.includes('@') ? cleanText(person.email).trim() : undefined
  return {
    name,
    ...(email && { email }),
    ...(url && { url }),
    ...(avatar && { avatar }),
  }
}

function viewCategories(categories: readonly Category[] | undefined): CategoryView[] {
  const seen = new Set<string>()
  const views: CategoryView[] = []
  for (const category of categories ?? []) {
    const term = cleanText(category.term ?? category.name ?? '').trim()
    if (term === '' || seen.has(term)) continue
    seen.add(term)
    const scheme = category.scheme === undefined ? undefined : usableUrl(category.scheme)
    views.push({
      term,
      label: cleanText(category.name ?? category.term ?? '').trim() || term,
      ...(scheme && { scheme }),
      ...(category.domain !== undefined && { domain: cleanText(category.domain) }),
    })
  }
  return views
}

function viewEnclosure(
  value: string | Enclosure | undefined,
  kind: EnclosureView['kind'],
): EnclosureView | undefined {
  if (value === undefined) return undefined
  const enclosure = typeof value === 'string' ? { url: value } : value
  const url = requireUrl(enclosure.url, `the ${kind} URL`)
  const length = enclosure.length
  return {
    kind,
    url,
    type: enclosure.type === undefined ? mediaTypeOf(url, kind) : cleanText(enclosure.type),
    length: Number.isInteger(length) && (length ?? 0) > 0 ? (length as number) : 0,
    ...(enclosure.title !== undefined && { title: cleanText(enclosure.title) }),
    ...(Number.isFinite(enclosure.duration) && { duration: enclosure.duration }),
  }
}

function optionalText(value: string | undefined): string | undefined {
  return value === undefined ? undefined : cleanText(value)
}

function optionalUrl(value: string | undefined, what: string): string | undefined {
  return value === undefined ? undefined : requireUrl(value, what)
}

function requireUrl(value: string, what: string): string {
  const url = usableUrl(value)
  if (url === undefined) {
    throw new TypeError(
      `${capitalise(what)} must be an absolute URL, but it is ${JSON.stringify(value)}.`,
    )
  }
  return url
}

/** An absolute http(s) or mailto URL, normalised; undefined for anything else. */
function usableUrl(value: string): string | undefined {
  try {
    const url = new URL(value)
    return /^(?:https?|mailto):$/.test(url.protocol) ? url.href : undefined
  } catch {
    return undefined
  }
}

function readDate(value: Date, what: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new TypeError(`The date of ${what} must be a valid Date.`)
  }
  return value
}

function readLanguage(value: string | undefined, what: string): string | undefined {
  if (value === undefined || value === '') return undefined
  if (!isLanguageTag(value)) {
    throw new TypeError(
      `The language of ${what} must be a BCP 47 tag such as "en" or "en-GB", but it is ${JSON.stringify(value)}.`,
    )
  }
  return value
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
