// Benchmark: renders N synthetic cards with writeCards, on 1 worker and on all cores, each in
// a fresh process (so that peak memory is that run's alone), then once more from the cache.
// Usage: pnpm --filter @dawnpress/og bench [-- --cards 2000] [-- --workers 1]
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    cards: { type: 'string', default: '200' },
    workers: { type: 'string' },
    child: { type: 'boolean', default: false },
  },
})
const cards = Number(values.cards)

const WORDS = [
  'dawn',
  'models',
  'language',
  'attention',
  'scaling',
  'agents',
  'tokens',
  'alignment',
]
const SCRIPTS = [
  '大型语言模型的黎明',
  '大規模言語モデル',
  '언어 모델',
  'نماذج اللغة',
  'מודלי שפה',
  '🚀 launch',
]

/** Deterministic articles: mostly English titles of every length, some in other scripts. */
function makeArticles(count) {
  return Array.from({ length: count }, (_, index) => {
    const length = 1 + ((index * 7) % 40)
    const words = Array.from({ length }, (_, word) => WORDS[(index + word * 3) % WORDS.length])
    const title = index % 10 === 9 ? `${SCRIPTS[index % SCRIPTS.length]} ${index}` : words.join(' ')
    return {
      slug: `article-${index}`,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      description: `Article ${index}: ${words.slice(0, 20).join(' ')}.`,
      date: new Date(Date.UTC(2026, 0, 1 + index)).toISOString(),
      readingTime: { minutes: 1 + (index % 15) },
      tags: [WORDS[index % WORDS.length]],
    }
  })
}

async function runChild() {
  const { writeCards } = await import('../dist/index.js')
  const workers = Number(values.workers)
  const dir = await mkdtemp(join(tmpdir(), 'dawnpress-og-bench-'))
  const site = {
    title: 'Dawn',
    url: 'https://dawnpress.example/',
    language: 'en',
    card: { background: '#0b1020', foreground: '#f5f3ee', accent: '#f59e0b' },
  }
  const articles = makeArticles(cards)
  const options = {
    articles,
    site,
    outDir: join(dir, 'out'),
    cacheDir: join(dir, 'cache'),
    workers,
  }
  let peak = process.memoryUsage().rss
  const samples = []
  const start = performance.now()
  const sampler = setInterval(() => {
    const rss = process.memoryUsage().rss
    peak = Math.max(peak, rss)
    samples.push([performance.now() - start, rss])
  }, 5)
  const cpuBefore = process.cpuUsage()
  const first = await writeCards(options)
  const seconds = (performance.now() - start) / 1000
  // CPU time of the whole process, worker threads included: unlike wall time, it does not
  // depend on what else the machine is doing.
  const cpu = process.cpuUsage(cpuBefore)
  const cpuMsPerCard = (cpu.user + cpu.system) / 1000 / first.rendered
  // Peak RSS in each quarter of the run: flat quarters mean memory does not grow with cards.
  const quarter = (seconds * 1000) / 4
  const quarters = [0, 1, 2, 3].map((index) =>
    Math.max(
      0,
      ...samples
        .filter(([time]) => time >= index * quarter && time < (index + 1) * quarter)
        .map(([, rss]) => rss),
    ),
  )
  const cachedStart = performance.now()
  const second = await writeCards(options)
  const cachedSeconds = (performance.now() - cachedStart) / 1000
  clearInterval(sampler)
  // maxRSS (KiB) is the kernel's peak for the whole process, worker threads included.
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024)
  await rm(dir, { recursive: true, force: true })
  process.stdout.write(
    `${JSON.stringify({ workers, rendered: first.rendered, seconds, cpuMsPerCard, reused: second.reused, cachedSeconds, peak, quarters })}\n`,
  )
}

function runParent() {
  const all = availableParallelism()
  const rows = []
  const counts = values.workers ? [Number(values.workers)] : [...new Set([1, all])]
  for (const workers of counts) {
    const output = execFileSync(
      process.execPath,
      [
        new URL(import.meta.url).pathname,
        '--child',
        '--cards',
        String(cards),
        '--workers',
        String(workers),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    )
    rows.push(JSON.parse(output.trim().split('\n').at(-1)))
  }
  const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`
  const table = [
    [
      'workers',
      'cards',
      'seconds',
      'cards/s',
      'CPU ms/card',
      'peak RSS',
      'RSS by quarter (MiB)',
      'cached rerun',
    ],
    ...rows.map((row) => [
      String(row.workers),
      String(row.rendered),
      row.seconds.toFixed(2),
      (row.rendered / row.seconds).toFixed(1),
      row.cpuMsPerCard.toFixed(0),
      mib(row.peak),
      row.quarters.map((rss) => (rss / 1024 / 1024).toFixed(0)).join(' / '),
      `${row.reused} reused in ${(row.cachedSeconds * 1000).toFixed(0)} ms`,
    ]),
  ]
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)))
  const line = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`
  console.log(
    `${cards} cards, Node ${process.version}, ${all} × ${cpus()[0]?.model ?? 'CPU'}, load average ${loadavg()[0].toFixed(1)}`,
  )
  console.log(line(table[0]))
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`)
  for (const row of table.slice(1)) console.log(line(row))
}

if (values.child) await runChild()
else runParent()
