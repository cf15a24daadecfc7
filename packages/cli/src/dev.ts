import { startDevServer } from '@dawnpress/site'
import { resolveContent } from './layout.ts'
import { parseCommandArgs, parsePort } from './usage.ts'

/** `dawnpress dev`: serve the site, rebuild what changed on every save, reload the page. */
export async function runDev(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    content: { type: 'string', default: 'content' },
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    'site-url': { type: 'string' },
  })
  const layout = resolveContent(values.content)
  const server = await startDevServer({
    contentDir: layout.articlesDir,
    siteFile: layout.siteFile,
    port: parsePort(values.port, 4321),
    host: values.host,
    siteUrl: values['site-url'],
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
