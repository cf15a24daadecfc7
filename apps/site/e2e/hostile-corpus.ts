/**
 * A publication built to break layouts: a URL, a word, a table, a code line, a title and a
 * tag longer than a phone is wide, articles in Arabic and Hebrew beside titles of mixed
 * direction, every kind of block core renders, a renamed article, and enough articles in
 * one tag for several pages of every list at `HOSTILE_PAGE_SIZE`.
 */

/** Articles on each page of a list in the hostile site. */
export const HOSTILE_PAGE_SIZE = 4

/** How many filler articles share the tag `many`. */
export const FILLER_COUNT = 22

const LONG_WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(4)
const LONG_URL = `https://example.com/${'a-very-long-path-segment/'.repeat(14)}?query=${'x'.repeat(80)}`

function article(fields: Record<string, string>, body: string): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`)
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`
}

const SITE = JSON.stringify({
  title: 'Dawn',
  description: `Essays on artificial intelligence, with one word too long for any phone: ${LONG_WORD}.`,
  url: 'https://dawnpress.example/',
  language: 'en',
  twitter: '@dawn',
  author: { name: 'The Dawn Editors', url: 'https://dawnpress.example/about/' },
})

const ARTICLES: Record<string, string> = {
  'long-url.md': article(
    {
      title: 'A link that never ends',
      description: 'One URL in the body.',
      date: '2026-06-01',
      tags: '[web]',
    },
    `Read it at ${LONG_URL} and again as [a link](${LONG_URL}).\n\nA word: ${LONG_WORD}.\n\nInline code: \`${'const_identifier_without_any_break_'.repeat(6)}\`.`,
  ),
  'wide-table.md': article(
    {
      title: 'A table wider than a phone',
      description: 'Twelve columns.',
      date: '2026-05-30',
      tags: '[web]',
    },
    `| ${Array.from({ length: 12 }, (_, index) => `Column ${index + 1}`).join(' | ')} |\n| ${Array.from({ length: 12 }, () => '---').join(' | ')} |\n| ${Array.from({ length: 12 }, () => LONG_WORD.slice(0, 30)).join(' | ')} |`,
  ),
  'long-code.md': article(
    {
      title: 'A line of code that never wraps',
      description: 'A long line in a code block.',
      date: '2026-05-29',
      tags: '[code]',
    },
    `\`\`\`ts\nconst value = ${JSON.stringify('x'.repeat(300))}; // ${'and more '.repeat(20)}\n\`\`\`\n\n\`\`\`\n${'plain '.repeat(80)}\n\`\`\``,
  ),
  'long-title.md': article(
    {
      title: JSON.stringify(
        `A title that goes on and on ${LONG_WORD} and does not stop where a phone would like it to stop, since authors write what they write`,
      ),
      description: JSON.stringify(`A description with ${LONG_WORD} in it.`),
      date: '2026-05-28',
      tags: `[${'Averyveryverylongtagwithoutanyspaceinitatallreallynone'}, web]`,
      author: JSON.stringify(`An author whose name is ${LONG_WORD}`),
    },
    `Text.\n\n> A quote with ${LONG_WORD} inside it.`,
  ),
  'arabic.md': article(
    {
      title: 'فجر النماذج اللغوية الكبيرة',
      description: 'مقالة عن النماذج اللغوية الكبيرة، مكتوبة من اليمين إلى اليسار.',
      date: '2026-05-27',
      lang: 'ar',
      tags: '[ذكاء اصطناعي, web]',
    },
    '## مقدمة\n\nهذه فقرة أولى تنتهي بنقطة. وفيها كلمة English في وسطها.\n\n> اقتباس يجب أن يكون خطه على اليمين.\n\n| العمود الأول | العمود الثاني | العمود الثالث |\n| --- | :-: | --: |\n| واحد | اثنان | ٣ |\n\n## القسم الثاني\n\n- عنصر أول\n- عنصر ثان\n\n```js\nconsole.log("code stays left to right")\n```',
  ),
  'hebrew.md': article(
    {
      title: 'שחר של מודלי שפה',
      description: 'מאמר בעברית.',
      date: '2026-05-26',
      lang: 'he',
      tags: '[web]',
    },
    'פסקה ראשונה.\n\n> ציטוט.',
  ),
  'mixed.md': article(
    {
      title: JSON.stringify('عربي first, then English: a mixed title'),
      description: JSON.stringify('English description with عربي in it.'),
      date: '2026-05-25',
      tags: '[web]',
    },
    'Mixed text.',
  ),
  'blocks.md': article(
    {
      title: 'Every block',
      description: 'Headings, lists, alerts, footnotes.',
      date: '2026-05-24',
      tags: '[code]',
    },
    `# A level-1 heading of the body\n\nText with a footnote.[^1]\n\n###### The smallest heading\n\n- [ ] a task\n- [x] a done task\n\n> [!WARNING]\n> An alert with ${LONG_WORD}.\n\n**「注意」**です\n\n[^1]: A footnote with ${LONG_URL}.`,
  ),
  'renamed.md': article(
    {
      title: 'Renamed',
      description: 'It had another slug.',
      date: '2026-05-23',
      redirect_from: '[old-renamed]',
      tags: '[web]',
    },
    'Moved here.',
  ),
}

for (let index = 1; index <= FILLER_COUNT; index++) {
  const day = String(index).padStart(2, '0')
  ARTICLES[`filler-${day}.md`] = article(
    {
      title: `Filler article ${index}`,
      description: `Filler number ${index}.`,
      date: `2026-04-${day}`,
      tags: '[many]',
    },
    `Paragraph ${index}.`,
  )
}

/** The hostile publication's files, below a project folder. */
export function hostileFiles(): Record<string, string> {
  const files: Record<string, string> = { 'content/site.json': SITE }
  for (const [name, text] of Object.entries(ARTICLES)) files[`content/articles/${name}`] = text
  return files
}

/** Slugs of every article of the hostile site. */
export function hostileSlugs(): string[] {
  return Object.keys(ARTICLES).map((name) => name.replace(/\.md$/, ''))
}
