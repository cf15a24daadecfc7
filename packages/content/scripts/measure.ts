/**
 * `pnpm --filter @dawnpress/content measure [count] [paragraphs]`: builds a bundle from a
 * synthetic corpus (10,000 articles of 12 paragraphs unless told) in a temporary folder, then measures in fresh Node processes
 * how long importing its index takes and how much heap it keeps, for ESM and CommonJS, and
 * how many bytes a page loads through each entry. The figures go in the README.
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { buildSyntheticBundle } from './synthetic.ts'

const count = Number(process.argv[2] ?? 10_000)
const paragraphs = Number(process.argv[3] ?? 12)
const runs = 5
const dir = await mkdtemp(join(tmpdir(), 'dawnpress-measure-'))

try {
  const { packageDir, timings } = await buildSyntheticBundle(dir, { count, paragraphs })
  const sizes = await measureSizes(join(packageDir, 'dist'))
  const pages = await measurePages(packageDir)
  const esm = median(runs, () => measureImport(packageDir, 'esm'))
  const cjs = median(runs, () => measureImport(packageDir, 'cjs'))
  const metadata = await writeMetadataJson(packageDir)
  const baseline = median(runs, () => measureJsonParse(packageDir))
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
  const size = (bytes: number) =>
    bytes >= 1024 * 1024 ? mib(bytes) : `${(bytes / 1024).toFixed(1)} KiB`
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
  const lines = [
    `${count} synthetic articles of ${paragraphs} paragraphs, Node ${process.version}, median of ${runs} fresh processes:`,
    '',
    '| | ESM `import` | CJS `require` |',
    '| --- | --- | --- |',
    `| import time of the index (wall) | ${esm.time.toFixed(0)} ms | ${cjs.time.toFixed(0)} ms |`,
    `| CPU time of the import | ${esm.cpu.toFixed(0)} ms | ${cjs.cpu.toFixed(0)} ms |`,
    `| heap kept by the index | ${mib(esm.heap)} | ${mib(cjs.heap)} |`,
    `| \`loadArticle\` of one body | ${esm.load.toFixed(1)} ms | ${cjs.load.toFixed(1)} ms |`,
    '',
    `For scale: \`JSON.parse\` of the same metadata alone (${kib(metadata)} of JSON) takes ${baseline.time.toFixed(0)} ms (${baseline.cpu.toFixed(0)} ms CPU) and keeps ${mib(baseline.heap)}.`,
    `Load average while measuring: ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores.`,
    `index.js ${kib(sizes.index)} (metadata of all articles), ${sizes.bodies} body chunks of ${mib(sizes.bodyBytes)} in all (per format);`,
    `build: corpus ${timings.corpus} ms, load ${timings.load} ms, package ${timings.bundle} ms.`,
    '',
    'What a page loads through each entry (the ESM modules it imports, unminified; gzip level 9):',
    '',
    '| page | modules | bytes | gzip |',
    '| --- | --- | --- | --- |',
    ...pages.map(
      (page) =>
        `| ${page.title} | ${page.modules.map((module) => `\`${module}\``).join(' + ')} | ${size(page.bytes)} | ${size(page.gzip)} |`,
    ),
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
} finally {
  await rm(dir, { recursive: true, force: true })
}

interface Sample {
  time: number
  /** CPU time (user + system) of the process meanwhile: steadier than wall time under load. */
  cpu: number
  heap: number
  load: number
}

/** Imports the index in a fresh process and reports time, heap kept and one body load. */
function measureImport(dir: string, format: 'esm' | 'cjs'): Sample {
  const load = format === 'esm' ? "await import('./dist/index.js')" : "require('./dist/index.cjs')"
  const script = `
    globalThis.gc()
    const before = process.memoryUsage().heapUsed
    const cpuStart = process.cpuUsage()
    const start = performance.now()
    const content = ${load}
    const time = performance.now() - start
    const cpuUsed = process.cpuUsage(cpuStart)
    const cpu = (cpuUsed.user + cpuUsed.system) / 1000
    globalThis.gc()
    const heap = process.memoryUsage().heapUsed - before
    const slug = content.articles[content.articles.length - 1].slug
    const loadStart = performance.now()
    const article = await content.loadArticle(slug)
    const loaded = performance.now() - loadStart
    if (!article.html) throw new Error('no html')
    console.log(JSON.stringify({ time, cpu, heap, load: loaded, count: content.articles.length }))
  `
  const wrapped = format === 'esm' ? script : `(async () => { ${script} })()`
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', ...(format === 'esm' ? ['--input-type=module'] : []), '-e', wrapped],
    { cwd: dir, encoding: 'utf8' },
  )
  return JSON.parse(output) as Sample
}

/** Writes the metadata the index holds as plain JSON, for the baseline. */
async function writeMetadataJson(dir: string): Promise<number> {
  const { articles } = (await import(pathToFileURL(join(dir, 'dist/index.js')).href)) as {
    articles: unknown[]
  }
  const text = JSON.stringify(articles)
  await writeFile(join(dir, 'metadata.json'), text)
  return Buffer.byteLength(text)
}

/** The same measurement for `JSON.parse` of the metadata alone, read before timing. */
function measureJsonParse(dir: string): Sample {
  const script = `
    const text = require('node:fs').readFileSync('metadata.json', 'utf8')
    globalThis.gc()
    const before = process.memoryUsage().heapUsed
    const cpuStart = process.cpuUsage()
    const start = performance.now()
    const articles = JSON.parse(text)
    const time = performance.now() - start
    const cpuUsed = process.cpuUsage(cpuStart)
    const cpu = (cpuUsed.user + cpuUsed.system) / 1000
    globalThis.gc()
    const heap = process.memoryUsage().heapUsed - before
    console.log(JSON.stringify({ time, cpu, heap, load: articles.length }))
  `
  const output = execFileSync(process.execPath, ['--expose-gc', '-e', script], {
    cwd: dir,
    encoding: 'utf8',
  })
  return JSON.parse(output) as Sample
}

function median(times: number, sample: () => Sample): Sample {
  const samples = Array.from({ length: times }, sample)
  const middle = (values: number[]) =>
    values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
  return {
    time: middle(samples.map((s) => s.time)),
    cpu: middle(samples.map((s) => s.cpu)),
    heap: middle(samples.map((s) => s.heap)),
    load: middle(samples.map((s) => s.load)),
  }
}

/**
 * The bytes of the modules a page loads, entry and chunks, for each way of getting what it
 * shows: the main entry, and the light entry made for it. Bundlers add a little glue and
 * minify the code, not the JSON data that is most of it.
 */
async function measurePages(dir: string) {
  const { tags } = (await import(pathToFileURL(join(dir, 'dist/tags.js')).href)) as {
    tags: { slug: string; pageCount: number }[]
  }
  const { summaries } = (await import(pathToFileURL(join(dir, 'dist/summaries.js')).href)) as {
    summaries: { slug: string }[]
  }
  const slug = summaries[0]?.slug
  const tag = tags[0]?.slug
  const article = `articles/${slug}.js`
  const pages = [
    { title: 'any page, through the main entry', modules: ['index.js', 'article.js'] },
    { title: 'every summary', modules: ['summaries.js'] },
    { title: 'home: the latest 10', modules: ['pages.js', 'pages/1.js'] },
    { title: `a tag (${tag}), page 1`, modules: ['tags.js', `tags/${tag}/1.js`] },
    { title: 'one article, through the main entry', modules: ['index.js', 'article.js', article] },
    { title: 'one article, through `/article`', modules: ['article.js', article] },
  ]
  return Promise.all(
    pages.map(async (page) => {
      const texts = await Promise.all(
        page.modules.map((module) => readFile(join(dir, 'dist', module))),
      )
      return {
        ...page,
        modules: page.modules.map((module) => module.replace(`${slug}`, '<slug>')),
        bytes: texts.reduce((sum, text) => sum + text.byteLength, 0),
        gzip: texts.reduce((sum, text) => sum + gzipSync(text, { level: 9 }).byteLength, 0),
      }
    }),
  )
}

async function measureSizes(dist: string) {
  const chunks = (await readdir(join(dist, 'articles'))).filter((name) => name.endsWith('.js'))
  const sizes = await Promise.all(chunks.map((name) => stat(join(dist, 'articles', name))))
  return {
    index: (await stat(join(dist, 'index.js'))).size,
    bodies: chunks.length,
    bodyBytes: sizes.reduce((sum, size) => sum + size.size, 0),
  }
}
