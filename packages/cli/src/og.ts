import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { createCardRenderer } from '@dawnpress/og'
import { ConfigError, loadContent } from './content.ts'
import { cardWarningToProblem, formatProblems } from './report.ts'
import { parseCommandArgs, UsageError } from './usage.ts'

/** `dawnpress og <slug>`: render one card so an author can look at it. */
export async function runOg(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: '.dawnpress/preview' },
    },
    true,
  )
  const [slug] = positionals
  if (!slug || positionals.length > 1) throw new UsageError('Give one slug: dawnpress og <slug>.')
  let loaded: Awaited<ReturnType<typeof loadContent>>
  try {
    loaded = await loadContent(values.content, { drafts: true })
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    process.stderr.write(formatProblems(error.problems, process.stderr))
    return 2
  }
  const article = loaded.articles.find((candidate) => candidate.slug === slug)
  if (!article) {
    const ownProblems = loaded.problems.filter((problem) => problem.severity === 'error')
    process.stderr.write(
      `dawnpress: no valid article has the slug "${slug}".\n${
        ownProblems.length > 0 ? formatProblems(ownProblems, process.stderr) : ''
      }Run "dawnpress check" to see every article's problems.\n`,
    )
    return 1
  }
  const file = join(values.out, 'og', `${slug}.png`)
  await mkdir(join(values.out, 'og'), { recursive: true })
  const siteDir = loaded.layout.siteFile ? dirname(loaded.layout.siteFile) : process.cwd()
  const renderer = createCardRenderer({ site: loaded.site, siteDir })
  const { png, warnings } = await renderer.renderWithWarnings(article)
  await writeFile(file, png)
  if (warnings.length > 0) {
    const source = relative(process.cwd(), join(loaded.layout.articlesDir, article.path))
    const problems = warnings.map((warning) => cardWarningToProblem(warning, source))
    process.stderr.write(formatProblems(problems, process.stderr))
  }
  process.stdout.write(`${relative(process.cwd(), file) || file}\n`)
  return 0
}
