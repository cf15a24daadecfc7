import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isSlug, slugify } from '@dawnpress/core'
import { stringify } from 'yaml'
import { NEW } from './commands.ts'
import { openBuild } from './engine.ts'
import { shownPath } from './flags.ts'
import { formatUsage, parseCommandArgs, printUsage, UsageError } from './usage.ts'

/** `dawnpress new "Title"`: a new draft with valid frontmatter; never overwrites. */
export async function runNew(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, NEW)
  if (!args) return printUsage(NEW)
  const { values, positionals } = args
  const title = positionals.join(' ').trim()
  if (!title) throw new UsageError('Give the title: dawnpress new "My article".', formatUsage(NEW))
  const slug = values.slug ?? slugify(title)
  if (values.slug !== undefined && !isSlug(values.slug)) {
    throw new UsageError(
      `--slug "${values.slug}" is not a slug: a slug is lowercase letters, digits and single hyphens, with no "/" or "..", so that it names one file in the articles folder.`,
      `Pass one such as --slug ${slugify(values.slug) || 'my-article'}.`,
    )
  }
  if (!slug) {
    throw new UsageError(
      `No slug can be made from the title: it has no visible characters.`,
      'Pass one with --slug, such as --slug my-article.',
    )
  }
  const build = await openBuild(values)
  const { articlesDir } = build.config
  await build.dispose()
  const file = join(articlesDir, `${slug}.md`)
  const frontmatter = stringify({
    title,
    description: values.description ?? `What "${title}" is about, in a sentence or two.`,
    date: new Date().toISOString().slice(0, 10),
    tags: [],
    draft: true,
  })
  const body = `# ${title}\n\nStart writing here.\n`
  await mkdir(articlesDir, { recursive: true })
  try {
    await writeFile(file, `---\n${frontmatter}---\n\n${body}`, { flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    process.stderr.write(
      `dawnpress: ${shownPath(file)} already exists; nothing was written.\nChoose another title, or pass --slug with a new slug.\n`,
    )
    return 1
  }
  process.stdout.write(`Created ${shownPath(file)} (a draft: set "draft: false" to publish it).\n`)
  return 0
}
