import { sep } from 'node:path'
import { type Build, type ConfigOverrides, createBuild } from '@dawnpress/build'
import { formatProblems, type Problem } from '@dawnpress/core'

/** The flags every command that reads content may take. */
export interface ContentFlags {
  content?: string | undefined
  config?: string | undefined
  'site-url'?: string | undefined
  out?: string | undefined
  cache?: string | undefined
}

/**
 * The engine for a command: the project in the working directory, its config file (or
 * `--config`), with the command's flags on top. Config mistakes reject with a
 * `ProblemError`, which the command line prints and exits 2 for.
 */
export function openBuild(
  flags: ContentFlags,
  options: { mode?: 'build' | 'dev'; overrides?: ConfigOverrides } = {},
): Promise<Build> {
  return createBuild({
    root: process.cwd(),
    config: flags.config,
    mode: options.mode,
    overrides: {
      content: flags.content,
      siteUrl: flags['site-url'],
      outDir: flags.out,
      cacheDir: flags.cache,
      ...options.overrides,
    },
  })
}

/** Prints problems for people on `stream`, in colour when it is a terminal that wants it. */
export function printProblems(
  problems: readonly Problem[],
  stream: NodeJS.WriteStream = process.stderr,
): void {
  if (problems.length === 0) return
  const color = stream.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb'
  stream.write(formatProblems(problems, { color }))
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
