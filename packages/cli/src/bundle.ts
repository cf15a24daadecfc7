import { summarizeProblems } from '@dawnpress/core'
import { openBuild, plural, printProblems, shownPath } from './engine.ts'
import { CONTENT_OPTIONS, type CommandSpec, parseCommandArgs, printUsage } from './usage.ts'

export const BUNDLE = {
  name: 'bundle',
  summary:
    'Write the articles as a typed, npm-publishable package (ESM, CommonJS and .d.ts, each body its own module). A folder with a package.json of its own gets only its dist/ replaced.',
  synopsis: '[options]',
  options: {
    ...CONTENT_OPTIONS,
    out: {
      type: 'string',
      placeholder: 'DIR',
      help: "the package folder (default: the config's outputs.package.dir, else content-package)",
    },
    'site-url': {
      type: 'string',
      placeholder: 'URL',
      help: "the base URL in the package's site settings",
    },
    cache: {
      type: 'string',
      placeholder: 'DIR',
      help: 'the cache folder (default: node_modules/.cache/dawnpress)',
    },
  },
} satisfies CommandSpec

/** `dawnpress bundle`: the package output of the engine alone. */
export async function runBundle(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, BUNDLE)
  if (!args) return printUsage(BUNDLE)
  const { out, ...values } = args.values
  const build = await openBuild(values, {
    overrides: { only: ['package'], ...(out !== undefined && { packageDir: out }) },
  })
  const result = await build.build()
  await build.dispose()
  printProblems(result.problems)
  if (!result.ok) {
    process.stderr.write(
      `${summarizeProblems(result.problems, result.articles)}\nNo package was written.\n`,
    )
    return 1
  }
  const packageOutput = build.config.outputs.package
  const dir = packageOutput === false ? '' : shownPath(packageOutput.dir)
  process.stdout.write(
    result.status === 'current'
      ? `Nothing changed since the last bundle; ${dir} is up to date.\n`
      : `Bundled ${plural(result.articles, 'article')} into ${dir}.\n`,
  )
  return 0
}
