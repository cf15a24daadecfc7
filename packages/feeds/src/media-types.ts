/**
 * Media types of the files items commonly carry, by extension. `feed` made types up from
 * the extension (`image/jpg`, `image/svg`, `audio/mp3`), which are not media types at all.
 */
const MEDIA_TYPES: Record<string, string> = {
  avif: 'image/avif',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  aac: 'audio/aac',
  flac: 'audio/flac',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
  oga: 'audio/ogg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  mp4: 'video/mp4',
  ogv: 'video/ogg',
  webm: 'video/webm',
  epub: 'application/epub+zip',
  pdf: 'application/pdf',
  zip: 'application/zip',
}

/**
 * The media type of the file at `url`, from its extension, when it is of the kind asked
 * for (an image for `image`, and so on; anything for `enclosure`); undefined otherwise.
 */
export function mediaTypeOf(
  url: string,
  kind: 'enclosure' | 'image' | 'audio' | 'video',
): string | undefined {
  let pathname: string
  try {
    pathname = new URL(url).pathname
  } catch {
    return undefined
  }
  const extension = /\.([a-z0-9]+)$/i.exec(pathname)?.[1]?.toLowerCase()
  const type = extension === undefined ? undefined : MEDIA_TYPES[extension]
  if (type === undefined) return undefined
  return kind === 'enclosure' || type.startsWith(`${kind}/`) ? type : undefined
}
