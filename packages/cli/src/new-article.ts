import { mkdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { slugify } from '@dawnpress/core'
import { stringify } from 'yaml'
import { resolveContent } from './layout.ts'
import { parseCommandArgs, UsageError } from './usage.ts'

/** `dawnpress new "Title"`: a new draft with valid frontmatter; never overwrites. */
export async function runNew(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      content: { type: 'string', default: 'content' },
      description: { type: 'string' },
      slug: { type: 'string' },
    },
    true,
  )
  const title = positionals.join(' ').trim()
  if (!title) throw new UsageError('Give the title: dawnpress new "My article".')
  const slug = values.slug ?? slugify(title)
  if (!slug) {
    throw new UsageError(
      `No slug can be made from "${title}": it has no Latin letters or digits.`,
      'Pass one with --slug, such as --slug my-article.',
    )
  }
  const { articlesDir } = resolveContent(values.content)
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
      `dawnpress: ${relative(process.cwd(), file)} already exists; nothing was written.\n` +
        'Choose another title, or pass --slug with a new slug.\n',
    )
    return 1
  }
  process.stdout.write(
    `Created ${relative(process.cwd(), file)} (a draft: set "draft: false" to publish it).\n`,
  )
  return 0
}
