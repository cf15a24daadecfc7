import { startDevServer } from '@dawnpress/build'
import {
  CONTENT_OPTIONS,
  type CommandSpec,
  formatUsage,
  parseCommandArgs,
  parsePort,
  printUsage,
} from './usage.ts'

export const DEV = {
  name: 'dev',
  summary:
    'Serve the site from memory while you write: every save rebuilds what changed and reloads the page; problems show over the page and here. Drafts are shown.',
  synopsis: '[options]',
  options: {
    ...CONTENT_OPTIONS,
    port: {
      type: 'string',
      placeholder: 'N',
      help: 'the port to listen on (default: 4321; 0 picks a free one)',
    },
    host: {
      type: 'string',
      default: '127.0.0.1',
      placeholder: 'HOST',
      help: 'the address to listen on (default: 127.0.0.1)',
    },
    'site-url': {
      type: 'string',
      placeholder: 'URL',
      help: "the base URL in meta tags (default: the site config's)",
    },
  },
} satisfies CommandSpec

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
