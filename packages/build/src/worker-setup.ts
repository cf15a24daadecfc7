import { articleSchema, type MarkdownOptions } from '@dawnpress/core'
import { loadConfigFile } from './load-config.ts'

/** What the engine hands each parse worker: the config file whose schema it parses with. */
export interface WorkerSetupData {
  configFile: string
}

/**
 * Runs in each of core's parse worker threads: loads the project's config file there, as the
 * main thread did, so that a custom schema and markdown-it plugins (which cannot be sent
 * between threads) run on every core too. Returns the schema and the renderer's options.
 */
export default async function setupWorker(data: WorkerSetupData) {
  const { config } = await loadConfigFile(data.configFile)
  const { highlight, plugins, html } = config.markdown ?? {}
  const markdown: MarkdownOptions = {
    ...(highlight !== undefined && { highlight }),
    ...(plugins !== undefined && { plugins }),
    ...(html !== undefined && { html }),
  }
  return { schema: config.schema ?? articleSchema, markdown }
}

/**
 * The module core's workers load, when this code runs from its built files (the sources,
 * under a test runner, have no built module beside them: then a custom schema parses on the
 * main thread).
 */
export function workerSetupModule(): string | undefined {
  const url = new URL('./worker-setup.js', import.meta.url)
  return url.pathname.endsWith('/dist/worker-setup.js') ? url.href : undefined
}
