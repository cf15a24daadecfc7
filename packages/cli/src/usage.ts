import { type ParseArgsConfig, parseArgs } from 'node:util'

/** A mistake in how the command was called: exit code 2, with a pointer to the help. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly help?: string,
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

export const USAGE = `Usage: dawnpress <command> [options]

Commands:
  check    Report every problem in the articles        [--content DIR] [--format pretty|json]
  build    Check, then write every output               [--content DIR] [--out DIR] [--site-url URL]
                                                        [--skip pages,feeds,cards] [--cache DIR] [--timings]
  new      Create an article: dawnpress new "Title"      [--content DIR] [--description TEXT]
  bundle   Write the articles as a typed package         [--content DIR] [--out DIR]
  og       Render one article's social card             dawnpress og <slug> [--content DIR] [--out DIR]
  dev      Serve the site, rebuilding on every change   [--content DIR] [--port N] [--site-url URL]
  preview  Serve a built site                           [--out DIR] [--port N]

--content DIR   a folder with articles/ and site.json, or any folder of .md files (default: content)
Exit codes: 0 no errors (warnings allowed), 1 content errors, 2 usage or configuration mistakes.
`

/** `parseArgs` with strict checking, turning its errors into usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** Reads `--port`, a whole number from 0 to 65535. */
export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${value}".`)
  }
  return port
}
