import { startDevServer } from '@dawnpress/build'
import { DEV } from './commands.ts'
import { formatUsage, parseCommandArgs, parsePort, printUsage } from './usage.ts'

/** `dawnpress dev`: serve the site, rebuild what changed on every save, reload the page. */
export async function runDev(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, DEV)
  if (!args) return printUsage(DEV)
  const { values } = args
  const server = await startDevServer({
    root: process.cwd(),
    config: values.config,
    overrides: { content: values.content, siteUrl: values['site-url'] },
    port: parsePort(values.port, 4321, formatUsage(DEV)),
    host: values.host,
  })
  process.stdout.write(`dawnpress dev: serving ${server.url} (Ctrl+C to stop)\n`)
  return waitForSignal(() => server.close())
}

/** Keeps a server running until Ctrl+C or SIGTERM, then closes it cleanly. */
export function waitForSignal(close: () => Promise<void> | void): Promise<number> {
  return new Promise((resolve) => {
    const stop = async () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      await close()
      resolve(0)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
