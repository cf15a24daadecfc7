import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { type FrontmatterSchema, ProblemError } from '@dawnpress/core'
import { problemAt } from '@dawnpress/core/internal'
import type { DawnpressConfig } from './config.ts'
import { type EvaluatedConfig, evaluateConfigFile, isConfigObject } from './config-file.ts'
import { CONFIG_FILES } from './project-paths.ts'
import { shownPath } from './shown-path.ts'

/** A config file as loaded: as it ran, its default export checked to be a config object. */
export interface LoadedConfig extends Omit<EvaluatedConfig, 'exported'> {
  config: DawnpressConfig<FrontmatterSchema>
}

/**
 * Loads a config file (see `evaluateConfigFile`). A config that cannot be loaded, or that
 * exports no object, is a configuration mistake: a `ProblemError`.
 */
export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  const path = resolve(file)
  const shown = shownPath(path)
  if (!existsSync(path)) {
    throw new ProblemError([
      problemAt(
        shown,
        'CONFIG_LOAD',
        `There is no config file at "${shown}".`,
        `Create it, or pass another with --config FILE (one of ${CONFIG_FILES.join(', ')}).`,
      ),
    ])
  }
  let evaluated: EvaluatedConfig
  try {
    evaluated = await evaluateConfigFile(path)
  } catch (cause) {
    throw new ProblemError(
      [
        problemAt(
          shown,
          'CONFIG_LOAD',
          `The config file could not be loaded: ${firstLine(cause)}`,
          'Fix the error in the config file (or a file it imports), then run the command again.',
          { cause },
        ),
      ],
      { cause },
    )
  }
  const { exported, dependencies, packages } = evaluated
  if (!isConfigObject(exported)) {
    throw new ProblemError([
      problemAt(
        shown,
        'CONFIG_INVALID',
        'The config file does not export a config object as its default export.',
        'End it with "export default defineConfig({ ... })".',
      ),
    ])
  }
  return {
    config: exported as DawnpressConfig<FrontmatterSchema>,
    file: path,
    dependencies,
    packages,
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0] ?? message
}
