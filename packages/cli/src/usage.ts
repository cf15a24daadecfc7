import { type ParseArgsConfig, parseArgs } from 'node:util'

/** A mistake in how a command was called: exit code 2, with the command's usage. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The usage text to print under the message. */
    readonly usage?: string,
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

type Options = NonNullable<ParseArgsConfig['options']>

/** One command of the command line: what it is for, how it is called, what it does. */
export interface CommandSpec<T extends Options = Options> {
  name: string
  /** One line for the list of commands. */
  summary: string
  /** The arguments after the name, such as `"Title" [options]`. */
  synopsis: string
  /** Each option with its help text. */
  options: { [K in keyof T]: T[K] & { help: string; placeholder?: string } }
  /** Takes positional arguments (a title, a slug). */
  positionals?: boolean
}

/** The options every command shares: `--content` and `--config`. */
export const CONTENT_OPTIONS = {
  content: {
    type: 'string',
    placeholder: 'DIR',
    help: 'the content folder (articles/ and site.json), or any folder of .md files',
  },
  config: {
    type: 'string',
    placeholder: 'FILE',
    help: 'the config file (default: dawnpress.config.ts here, if there is one)',
  },
} as const

/** The `--cache` option of the commands that build. */
export const CACHE_OPTION = {
  cache: {
    type: 'string',
    placeholder: 'DIR',
    help: 'the cache folder (default: node_modules/.cache/dawnpress)',
  },
} as const

/** The usage text of one command, as `dawnpress help <command>` prints it. */
export function formatUsage(spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, option]) => {
    const flag = `--${name}${option.type === 'string' ? ` ${option.placeholder ?? 'VALUE'}` : ''}`
    return `  ${flag.padEnd(22)} ${option.help}`
  })
  return `Usage: dawnpress ${spec.name} ${spec.synopsis}

${spec.summary}

Options:
${rows.join('\n')}
  ${'--help'.padEnd(22)} show this help
`
}

/**
 * Parses a command's arguments strictly: `--help` (or `-h`) returns undefined, so that the
 * caller prints the usage and exits 0; an unknown option or a missing value is a
 * `UsageError` carrying the usage.
 */
export function parseCommandArgs<T extends Options>(argv: string[], spec: CommandSpec<T>) {
  if (argv.includes('--help') || argv.includes('-h')) return undefined
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, { help: _help, placeholder: _p, ...option }]) => [
      name,
      option,
    ]),
  ) as T
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: spec.positionals })
  } catch (error) {
    throw new UsageError(
      (error as Error).message.replace(/\. To specify a positional.*$/s, '.'),
      formatUsage(spec),
    )
  }
}

/** Prints a command's usage on stdout, for `--help`: exit code 0. */
export function printUsage(spec: CommandSpec): number {
  process.stdout.write(formatUsage(spec))
  return 0
}

/** Reads `--port`, a whole number from 0 to 65535. */
export function parsePort(value: string | undefined, fallback: number, usage: string): number {
  if (value === undefined) return fallback
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${value}".`, usage)
  }
  return port
}
