import { BUILD, BUNDLE, CHECK, DEV, NEW, OG, PREVIEW, SCHEMA } from './commands.ts'
import { type CommandSpec, formatUsage, UsageError } from './usage.ts'
import { VERSION } from './version.ts'

type Command = (argv: string[]) => Promise<number>

// Each command's code is imported only when run, so that `check` never loads the card renderer.
const COMMANDS: Record<string, { spec: CommandSpec; load: () => Promise<Command> }> = {
  check: { spec: CHECK, load: () => import('./check.ts').then((module) => module.runCheck) },
  build: { spec: BUILD, load: () => import('./build.ts').then((module) => module.runBuild) },
  new: { spec: NEW, load: () => import('./new-article.ts').then((module) => module.runNew) },
  dev: { spec: DEV, load: () => import('./dev.ts').then((module) => module.runDev) },
  preview: {
    spec: PREVIEW,
    load: () => import('./preview.ts').then((module) => module.runPreview),
  },
  bundle: { spec: BUNDLE, load: () => import('./bundle.ts').then((module) => module.runBundle) },
  og: { spec: OG, load: () => import('./og.ts').then((module) => module.runOg) },
  schema: { spec: SCHEMA, load: () => import('./schema.ts').then((module) => module.runSchema) },
}

/** The list of commands, as `dawnpress --help` prints it. */
function overview(): string {
  const rows = Object.values(COMMANDS).map(
    ({ spec }) => `  ${spec.name.padEnd(9)} ${spec.summary.split(/(?<=\.) /)[0]}`,
  )
  return `Usage: dawnpress <command> [options]

Commands:
${rows.join('\n')}
  ${'help'.padEnd(9)} Show the options of a command: dawnpress help <command>.

Run "dawnpress <command> --help" for a command's options.
Exit codes: 0 no errors (warnings allowed), 1 content errors, 2 usage or configuration mistakes.
`
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined) {
    process.stderr.write(overview())
    return 2
  }
  if (name === '--help' || name === '-h') {
    process.stdout.write(overview())
    return 0
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`)
    return 0
  }
  if (name === 'help') {
    const [topic] = rest
    if (topic === undefined) {
      process.stdout.write(overview())
      return 0
    }
    const command = COMMANDS[topic]
    if (!command) throw new UsageError(`There is no command "${topic}".`, overview())
    process.stdout.write(formatUsage(command.spec))
    return 0
  }
  const command = COMMANDS[name]
  if (!command) throw new UsageError(`Unknown command "${name}".`, overview())
  return (await command.load())(rest)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  async (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`dawnpress: ${error.message}\n\n${error.usage ?? overview()}`)
      process.exitCode = 2
      return
    }
    // Core is loaded only now: `--help` and `--version` load nothing of the engine.
    const { formatProblems, isProblemError } = await import('@dawnpress/core')
    if (isProblemError(error)) {
      const color = process.stderr.isTTY === true && !process.env.NO_COLOR
      process.stderr.write(formatProblems(error.problems, { color }))
      process.exitCode = 2
      return
    }
    process.stderr.write(
      `dawnpress: unexpected failure; this is a bug in dawnpress, please report it.\n${(error as Error)?.stack ?? String(error)}\n`,
    )
    process.exitCode = 1
  },
)
