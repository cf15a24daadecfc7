import { parseArgs } from 'node:util'

/** What the preview and dev scripts accept on the command line. */
export interface ServerArgs {
  /** `--port N`; 0 picks a free port. */
  port: number
  /** `--host H`. */
  host: string
  /** `--content DIR` (dev only). */
  content: string | undefined
}

/** Reads `--port`, `--host` and `--content` from the command line. */
export function readServerArgs(defaultPort: number): ServerArgs {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      port: { type: 'string', default: String(defaultPort) },
      host: { type: 'string', default: '127.0.0.1' },
      content: { type: 'string' },
    },
    strict: true,
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port takes a number from 0 to 65535, not "${values.port}".`)
  }
  return { port, host: values.host, content: values.content }
}

/** Keeps the process alive until Ctrl+C or SIGTERM, then runs `close` and exits. */
export function closeOnSignal(close: () => Promise<void>): void {
  const stop = () => {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    void close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
