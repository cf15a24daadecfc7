// `pnpm --filter @dawnpress/bench generate --size 1000 --out DIR [--seed TEXT]`: writes a
// synthetic corpus (DIR/articles/*.md and DIR/site.json) that any dawnpress command can read.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_SEED, writeCorpus } from './corpus.ts'

const HELP = `Usage: generate --size N --out DIR [--seed TEXT]

Writes DIR/articles/*.md (500-1,500 words each, 850 on average) and DIR/site.json.
The same seed always gives byte-identical files. Default seed: "${DEFAULT_SEED}".
`

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      size: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: DEFAULT_SEED },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help || values.out === undefined) {
    process.stdout.write(HELP)
    return values.help ? 0 : 2
  }
  const size = Number(values.size)
  const started = performance.now()
  const summary = await writeCorpus(resolve(values.out), { size, seed: values.seed })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  process.stdout.write(
    `Wrote ${summary.size} articles (${summary.words} words, ${(summary.bytes / 1e6).toFixed(1)} MB) to ${summary.directory} in ${seconds} s.\n`,
  )
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`generate: ${(error as Error)?.message ?? String(error)}\n`)
    process.exitCode = 2
  },
)
