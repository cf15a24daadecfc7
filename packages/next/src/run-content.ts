import { relative } from 'node:path'
import { type BuildResult, createBuild } from '@dawnpress/build'
import { formatProblems, isProblemError, type Problem } from '@dawnpress/core'
import type { ResolvedNextOptions } from './options.ts'

/** Where the content's messages go: the terminal `next` runs in. */
export interface ContentLog {
  info(message: string): void
  error(message: string): void
}

/** The terminal, with colour when it is one. */
export const CONSOLE_LOG: ContentLog = {
  info: (message) => process.stdout.write(`${message}\n`),
  error: (message) => process.stderr.write(`${message}\n`),
}

/** A content build that failed: its message lists every problem at its position. */
export class ContentBuildError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    const errors = problems.filter((problem) => problem.severity === 'error').length
    super(
      `dawnpress: the content has ${errors} error${errors === 1 ? '' : 's'}, so the app cannot be built:\n\n${formatProblems(problems).trimEnd()}`,
    )
    this.name = 'ContentBuildError'
  }
}

/**
 * Builds the content package once, for `next build`: resolves when it is written (warnings
 * are printed), rejects with a `ContentBuildError` listing every problem when there is an
 * error, or when the config is wrong.
 */
export async function buildContent(
  options: ResolvedNextOptions,
  log: ContentLog = CONSOLE_LOG,
): Promise<void> {
  let engine: Awaited<ReturnType<typeof createBuild>> | undefined
  try {
    engine = await createBuild(options.build)
    const result = await engine.build()
    if (!result.ok) throw new ContentBuildError(result.problems)
    printWarnings(result.problems, log)
    log.info(summary(options, result))
  } catch (error) {
    if (isProblemError(error)) throw new ContentBuildError(error.problems)
    throw error
  } finally {
    await engine?.dispose()
  }
}

/**
 * Builds the content package now and again after every change, for `next dev`: resolves
 * once the first build is done, whatever its outcome, with the function that stops watching.
 * Problems are printed as they come; an error leaves the last package that built in place,
 * so the app keeps working while the author fixes it.
 */
export async function watchContent(
  options: ResolvedNextOptions,
  log: ContentLog = CONSOLE_LOG,
): Promise<() => Promise<void>> {
  let engine: Awaited<ReturnType<typeof createBuild>>
  try {
    engine = await createBuild(options.build)
  } catch (error) {
    if (isProblemError(error)) throw new ContentBuildError(error.problems)
    throw error
  }
  const watcher = await engine.watch(
    (result) => {
      if (!result.ok) {
        log.error(new ContentBuildError(result.problems).message)
        return
      }
      printWarnings(result.problems, log)
      if (result.status === 'built') log.info(summary(options, result))
    },
    { debounce: options.debounce },
  )
  return async () => {
    await watcher.close()
    await engine.dispose()
  }
}

function printWarnings(problems: readonly Problem[], log: ContentLog): void {
  const warnings = problems.filter((problem) => problem.severity === 'warning')
  if (warnings.length > 0) log.error(formatProblems(warnings).trimEnd())
}

function summary(options: ResolvedNextOptions, result: BuildResult): string {
  const where = relative(options.root, options.packageDir) || '.'
  const count = `${result.articles} article${result.articles === 1 ? '' : 's'}`
  return result.status === 'current'
    ? `dawnpress: ${count} in ${where}, unchanged`
    : `dawnpress: ${count} into ${where} in ${Math.round(result.durationMs)} ms`
}
