import { existsSync } from 'node:fs'
import { startPreviewServer } from '@dawnpress/site'
import { waitForSignal } from './dev.ts'
import { parseCommandArgs, parsePort, UsageError } from './usage.ts'

/** `dawnpress preview`: serve a built site on localhost. */
export async function runPreview(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    out: { type: 'string', default: 'dist' },
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
  })
  if (!existsSync(values.out)) {
    throw new UsageError(
      `There is no built site in "${values.out}".`,
      'Run "dawnpress build" first.',
    )
  }
  const server = await startPreviewServer({
    dir: values.out,
    port: parsePort(values.port, 4173),
    host: values.host,
  })
  process.stdout.write(
    `dawnpress preview: serving ${values.out} at ${server.url} (Ctrl+C to stop)\n`,
  )
  return waitForSignal(() => server.close())
}
