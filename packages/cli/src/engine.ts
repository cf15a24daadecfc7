import { type Build, type ConfigOverrides, createBuild } from '@dawnpress/build'
import { type ContentFlags, contentOverrides } from './flags.ts'

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
    overrides: { ...contentOverrides(flags), ...options.overrides },
  })
}
