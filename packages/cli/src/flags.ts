import { sep } from 'node:path'
import type { ConfigOverrides } from '@dawnpress/build'

// What commands make of their flags and how they name things, apart from the engine
// (engine.ts), so that `build` can answer a build with nothing to do before loading it.

/** The flags every command that reads content may take. */
export interface ContentFlags {
  content?: string | undefined
  config?: string | undefined
  'site-url'?: string | undefined
  out?: string | undefined
  cache?: string | undefined
}

/** The settings a command's content flags put over the config. */
export function contentOverrides(flags: ContentFlags): ConfigOverrides {
  return {
    content: flags.content,
    siteUrl: flags['site-url'],
    outDir: flags.out,
    cacheDir: flags.cache,
  }
}

/** A path for messages: relative to the working directory when below it. */
export function shownPath(path: string): string {
  const relative = path.startsWith(`${process.cwd()}${sep}`)
    ? path.slice(process.cwd().length + 1)
    : path
  return path === process.cwd() ? '.' : relative
}

/** `1 article` or `3 articles`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
