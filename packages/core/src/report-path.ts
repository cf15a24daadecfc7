import { isAbsolute, relative, resolve, sep } from 'node:path'

/** Where the paths of problems are read from and written relative to. */
export interface ReportPathOptions {
  /**
   * The folder the problems' relative paths are relative to: the working directory of the
   * run that found them. @default process.cwd()
   */
  cwd?: string
  /**
   * The folder the report's paths are made relative to, such as the root of the repository
   * a CI service shows files from. @default cwd
   */
  root?: string
}

/** A problem's file as a CI report names it. */
export type ReportPath =
  /** Below the root: relative to it, with `/` separators. */
  | { inside: true; path: string }
  /** Outside the root (a site config elsewhere): absolute, with `/` separators. */
  | { inside: false; path: string }

/**
 * A problem's `file` relative to the report's root, as code scanning and pull-request
 * annotations expect, or absolute when it is not below the root. Both CI formats take their
 * paths from here, so that they always agree.
 */
export function reportPath(file: string, options: ReportPathOptions = {}): ReportPath {
  const cwd = resolve(options.cwd ?? process.cwd())
  const root = resolve(cwd, options.root ?? cwd)
  const absolute = resolve(cwd, file)
  const below = relative(root, absolute)
  const inside =
    below !== '' && below !== '..' && !below.startsWith(`..${sep}`) && !isAbsolute(below)
  return { inside, path: (inside ? below : absolute).split(sep).join('/') }
}
