import type { Random } from './random.ts'
import {
  CODE_IDENTIFIERS,
  ENDINGS,
  HEADINGS,
  LINK_HOSTS,
  MODEL_NAMES,
  OBJECTS,
  OPENERS,
  SUBJECTS,
  TAGS,
  TERMS,
  TITLE_ADJECTIVES,
  TITLE_NOUNS,
  TOPICS,
  VERBS,
} from './vocabulary.ts'

/** What every article of a corpus may link to: the other articles' slugs and titles. */
export interface ArticleStub {
  slug: string
  title: string
}

/** One generated article: its file name, its bytes as text, and its count of prose words. */
export interface GeneratedArticle {
  slug: string
  fileName: string
  source: string
  /** Words of prose as dawnpress counts them (code blocks excluded). */
  words: number
}

/** Bounds of an article's length in words; the mean of the triangular draw is their average. */
export interface WordRange {
  min: number
  mode: number
  max: number
}

/** 500 to 1,500 words, 850 on average: (500 + 550 + 1500) / 3. */
export const DEFAULT_WORD_RANGE: WordRange = { min: 500, mode: 550, max: 1500 }

/** Draws an article's title and slug; cheap, so a corpus can list every slug before any body. */
export function generateStub(random: Random, index: number): ArticleStub {
  const [topic, other] = random.sample(TOPICS, 2) as [string, string]
  const adjective = random.pick(TITLE_ADJECTIVES)
  const noun = random.pick(TITLE_NOUNS)
  const title = random.pick([
    `The ${adjective} ${noun} of ${topic}`,
    `${topic}: The ${adjective} ${noun}`,
    `Notes on ${topic}`,
    `What ${topic} Teaches Us About ${other}`,
    `${topic} and the ${noun} of ${other}`,
    `A Field Guide to ${topic}`,
  ])
  return { title, slug: `${slugify(title)}-${index + 1}` }
}

/** Options of `generateArticle`. */
export interface GenerateArticleOptions {
  stub: ArticleStub
  /** Other articles it may link to. */
  others: readonly ArticleStub[]
  words?: WordRange
}

/**
 * Writes one realistic article: frontmatter like the seed's (title, read_time, description,
 * date, tags), a heading, sections with paragraphs, lists, links, tables, code blocks and
 * quotes, and exactly as many prose words as drawn.
 */
export function generateArticle(random: Random, options: GenerateArticleOptions): GeneratedArticle {
  const { stub, others } = options
  const range = options.words ?? DEFAULT_WORD_RANGE
  const target = Math.round(random.triangular(range.min, range.mode, range.max))

  const reading =
    random.chance(0.5) && others.length > 1 ? furtherReading(random, stub, others) : undefined
  const budget = target - (reading?.words ?? 0)
  const blocks: Block[] = [heading(1, stub.title)]
  let words = (blocks[0] as Block).words
  const add = (block: Block) => {
    blocks.push(block)
    words += block.words
  }

  add(paragraph(random, random.int(2, 4), others))
  while (budget - words > 60) {
    const section: Block[] = [heading(random.chance(0.25) ? 3 : 2, random.pick(HEADINGS))]
    section.push(paragraph(random, random.int(2, 5), others))
    const extra = random.pick(['paragraph', 'list', 'list', 'table', 'code', 'code', 'quote'])
    if (extra === 'paragraph') section.push(paragraph(random, random.int(2, 4), others))
    if (extra === 'list') section.push(list(random, others))
    if (extra === 'table') section.push(table(random))
    if (extra === 'code') section.push(codeBlock(random))
    if (extra === 'quote') section.push(quote(random))
    const size = section.reduce((sum, block) => sum + block.words, 0)
    if (words + size > budget) break
    for (const block of section) add(block)
  }
  if (budget > words) add(closingParagraph(random, budget - words))
  if (reading) add(reading)

  const date = formatDate(random.int(0, 3650))
  const tags = random.sample(TAGS, random.int(1, 4))
  const description = plainSentences(random, random.int(1, 2))
  const minutes = Math.max(1, Math.round(words / 200))
  const source = [
    '---',
    `title: ${yamlString(stub.title)}`,
    `read_time: '${minutes} min read'`,
    `description: ${yamlString(description)}`,
    `date: ${date}`,
    `tags: [${tags.map(yamlString).join(', ')}]`,
    '---',
    '',
    blocks.map((block) => block.markdown).join('\n\n'),
    '',
  ].join('\n')
  return { slug: stub.slug, fileName: `${stub.slug}.md`, source, words }
}

interface Block {
  markdown: string
  words: number
}

/** A word as the reader sees it, with the Markdown around it. */
interface Token {
  text: string
  open: string
  close: string
}

function tokens(phrase: string): Token[] {
  return phrase.split(' ').map((text) => ({ text, open: '', close: '' }))
}

function sentenceTokens(random: Random, others: readonly ArticleStub[], decorate: boolean) {
  const opener = random.chance(0.3) ? tokens(random.pick(OPENERS)) : []
  const subject = tokens(random.pick(SUBJECTS))
  const verb = tokens(random.pick(VERBS))
  const object = tokens(random.pick(OBJECTS))
  const ending = random.chance(0.4) ? tokens(random.pick(ENDINGS)) : []
  const tool = decorate && random.chance(0.08) ? codeMention(random) : []
  if (decorate && random.chance(0.15)) {
    const href =
      random.chance(0.5) && others.length > 0
        ? `/articles/${random.pick(others).slug}/`
        : `${random.pick(LINK_HOSTS)}/${random.int(100, 9999)}`
    ;(object[0] as Token).open = '['
    ;(object.at(-1) as Token).close = `](${href})`
  }
  if (decorate && random.chance(0.1)) {
    const word = random.pick(verb)
    if (!word.open && !word.close) {
      word.open = '*'
      word.close = '*'
    }
  }
  const all = [...opener, ...subject, ...verb, ...object, ...ending, ...tool]
  const first = all[0] as Token
  first.text = first.text.charAt(0).toUpperCase() + first.text.slice(1)
  return all
}

function codeMention(random: Random): Token[] {
  const name = `${random.pick(CODE_IDENTIFIERS)}.${random.pick(['load', 'encode', 'search', 'flush', 'score'])}()`
  return [
    { text: 'through', open: '', close: '' },
    { text: name, open: '`', close: '`' },
  ]
}

function render(sentence: Token[]): string {
  return sentence.map((token) => `${token.open}${token.text}${token.close}`).join(' ')
}

function sentence(random: Random, others: readonly ArticleStub[], decorate = true): Block {
  const words = sentenceTokens(random, others, decorate)
  return { markdown: `${render(words)}.`, words: words.length }
}

function paragraph(random: Random, count: number, others: readonly ArticleStub[]): Block {
  const sentences = Array.from({ length: count }, () => sentence(random, others))
  return join(sentences, ' ')
}

/** A plain paragraph of exactly `count` words, so that an article hits its drawn length. */
function closingParagraph(random: Random, count: number): Block {
  const words: string[] = []
  while (words.length < count) {
    const next = sentenceTokens(random, [], false).map((token) => token.text)
    words.push(...next.slice(0, count - words.length))
    words[words.length - 1] = `${(words.at(-1) as string).replace(/,$/, '')}.`
  }
  return { markdown: words.join(' '), words: count }
}

function plainSentences(random: Random, count: number): string {
  return Array.from({ length: count }, () => sentence(random, [], false).markdown).join(' ')
}

function heading(depth: number, text: string): Block {
  return { markdown: `${'#'.repeat(depth)} ${text}`, words: countWords(text) }
}

function list(random: Random, others: readonly ArticleStub[]): Block {
  const ordered = random.chance(0.3)
  const labelled = random.chance(0.5)
  const terms = random.sample(TERMS, random.int(3, 6))
  const items = terms.map((term, index) => {
    const body = sentence(random, others)
    const marker = ordered ? `${index + 1}.` : '-'
    return labelled
      ? { markdown: `${marker} **${term}:** ${body.markdown}`, words: body.words + 1 }
      : { markdown: `${marker} ${body.markdown}`, words: body.words }
  })
  return join(items, '\n')
}

function table(random: Random): Block {
  const rows: string[][] = random.chance(0.5)
    ? [
        ['Model', 'Parameters', 'Context', 'Cost per million tokens'],
        ...random
          .sample(MODEL_NAMES, random.int(3, 6))
          .map((name) => [
            name,
            `${name.split('-')[1]}`,
            `${random.pick([4, 8, 32, 128])}k tokens`,
            `$${(random.int(5, 300) / 100).toFixed(2)}`,
          ]),
      ]
    : [
        ['Stage', 'Time', 'Share of total'],
        ...random
          .sample(TERMS, random.int(3, 6))
          .map((term) => [term, `${random.int(1, 90)} min`, `${random.int(1, 60)}%`]),
      ]
  const [header = [], ...body] = rows
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  const markdown = [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n')
  return { markdown, words: rows.flat().reduce((sum, cell) => sum + countWords(cell), 0) }
}

function codeBlock(random: Random): Block {
  const id = random.pick(CODE_IDENTIFIERS)
  const other = random.pick(CODE_IDENTIFIERS)
  const size = random.pick([8, 16, 32, 64, 128, 256])
  const model = random.pick(MODEL_NAMES)
  const snippets: [string, string][] = [
    [
      'ts',
      [
        `import { load } from './${id}.ts'`,
        '',
        `export async function score(input: string): Promise<number[]> {`,
        `  const ${other} = await load({ model: '${model}', batchSize: ${size} })`,
        `  return ${other}.encode(input).slice(0, ${size * 4})`,
        '}',
      ].join('\n'),
    ],
    [
      'python',
      [
        'import numpy as np',
        '',
        `def top_k(${id}, k=${size}):`,
        `    scores = np.dot(${id}, ${id}.T)`,
        '    return np.argsort(-scores)[:k]',
      ].join('\n'),
    ],
    [
      'bash',
      [
        `export MODEL=${model}`,
        `bench --model "$MODEL" --batch-size ${size} --output results/${id}.json`,
      ].join('\n'),
    ],
    [
      'json',
      JSON.stringify(
        {
          model,
          temperature: random.int(0, 10) / 10,
          max_tokens: size * 16,
          [`cache_${id}`]: true,
        },
        null,
        2,
      ),
    ],
  ]
  const [language, code] = random.pick(snippets)
  return { markdown: `\`\`\`${language}\n${code}\n\`\`\``, words: 0 }
}

function quote(random: Random): Block {
  const body = join(
    Array.from({ length: random.int(1, 2) }, () => sentence(random, [], false)),
    ' ',
  )
  return { markdown: `> ${body.markdown}`, words: body.words }
}

function furtherReading(random: Random, self: ArticleStub, others: readonly ArticleStub[]): Block {
  // Sampling from the whole corpus would copy it for every article; drawing is enough.
  const picks = Array.from({ length: random.int(2, 4) }, () => random.pick(others)).filter(
    (other, index, all) => other !== self && all.indexOf(other) === index,
  )
  const items = picks.map((other) => ({
    markdown: `- [${other.title}](/articles/${other.slug}/)`,
    words: countWords(other.title),
  }))
  return join([heading(2, 'Further Reading'), join(items, '\n')], '\n\n')
}

function join(blocks: Block[], separator: string): Block {
  return {
    markdown: blocks.map((block) => block.markdown).join(separator),
    words: blocks.reduce((sum, block) => sum + block.words, 0),
  }
}

function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0
}

function formatDate(daysAfterEpoch: number): string {
  const start = Date.UTC(2016, 0, 1)
  return new Date(start + daysAfterEpoch * 86_400_000).toISOString().slice(0, 10)
}

function yamlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}
