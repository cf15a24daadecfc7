import { existsSync } from 'node:fs'
import { startPreviewServer } from '@dawnpress/build'
import { PREVIEW } from './commands.ts'
import { waitForSignal } from './dev.ts'
import { openBuild } from './engine.ts'
import { shownPath } from './flags.ts'
import { formatUsage, parseCommandArgs, parsePort, printUsage, UsageError } from './usage.ts'

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
