import { existsSync } from 'node:fs'
import { startPreviewServer } from '@dawnpress/build'
import { waitForSignal } from './dev.ts'
import { openBuild, shownPath } from './engine.ts'
import {
  type CommandSpec,
  formatUsage,
  parseCommandArgs,
  parsePort,
  printUsage,
  UsageError,
} from './usage.ts'

export const PREVIEW = {
  name: 'preview',
  summary: 'Serve a built site on localhost, as it will be served in production.',
  synopsis: '[options]',
  options: {
    out: {
      type: 'string',
      placeholder: 'DIR',
      help: "the built site (default: the config's outDir, else dist)",
    },
    config: {
      type: 'string',
      placeholder: 'FILE',
      help: 'the config file (default: dawnpress.config.ts here, if there is one)',
    },
    port: {
      type: 'string',
      placeholder: 'N',
      help: 'the port to listen on (default: 4173; 0 picks a free one)',
    },
    host: {
      type: 'string',
      default: '127.0.0.1',
      placeholder: 'HOST',
      help: 'the address to listen on (default: 127.0.0.1)',
    },
  },
} satisfies CommandSpec

/** `dawnpress preview`: serve a built site on localhost. */
export async function runPreview(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, PREVIEW)
  if (!args) return printUsage(PREVIEW)
  const { values } = args
  const build = await openBuild({ config: values.config, out: values.out })
  const dir = build.config.outDir
  await build.dispose()
  if (!existsSync(dir)) {
    throw new UsageError(
      `There is no built site in "${shownPath(dir)}".`,
      'Run "dawnpress build" first.',
    )
  }
  const server = await startPreviewServer({
    dir,
    port: parsePort(values.port, 4173, formatUsage(PREVIEW)),
    host: values.host,
  })
  process.stdout.write(
    `dawnpress preview: serving ${shownPath(dir)} at ${server.url} (Ctrl+C to stop)\n`,
  )
  return waitForSignal(() => server.close())
}
