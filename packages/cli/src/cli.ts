import { USAGE, UsageError } from './usage.ts'

type Command = (argv: string[]) => Promise<number>

// Each command is imported only when run, so `check` never loads the card renderer.
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: () => import('./check.ts').then((module) => module.runCheck),
  build: () => import('./build.ts').then((module) => module.runBuild),
  new: () => import('./new-article.ts').then((module) => module.runNew),
  bundle: () => import('./bundle.ts').then((module) => module.runBundle),
  og: () => import('./og.ts').then((module) => module.runOg),
  dev: () => import('./dev.ts').then((module) => module.runDev),
  preview: () => import('./preview.ts').then((module) => module.runPreview),
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE)
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`)
    return 0
  }
  const load = COMMANDS[name]
  if (!load) throw new UsageError(`Unknown command "${name}".`)
  return (await load())(rest)
}

declare const __VERSION__: string | undefined
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0'

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(
        `dawnpress: ${error.message}\n${error.help ?? 'Run "dawnpress --help" for usage.'}\n`,
      )
      process.exitCode = 2
      return
    }
    process.stderr.write(
      `dawnpress: unexpected failure.\n${(error as Error)?.stack ?? String(error)}\n`,
    )
    process.exitCode = 1
  },
)
