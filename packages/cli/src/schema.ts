import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { FRONTMATTER_SCHEMA_COMMENT, frontmatterJsonSchema } from '@dawnpress/core'
import { SCHEMA } from './commands.ts'
import { openBuild } from './engine.ts'
import { shownPath } from './flags.ts'
import { parseCommandArgs, printUsage, UsageError } from './usage.ts'

/** `dawnpress schema`: the frontmatter's JSON Schema, on stdout or in a file it owns. */
export async function runSchema(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, SCHEMA)
  if (!args) return printUsage(SCHEMA)
  const { out, ...flags } = args.values
  const build = await openBuild(flags)
  const text = `${JSON.stringify(frontmatterJsonSchema(build.config.schema), null, 2)}\n`
  await build.dispose()
  if (out === undefined) {
    process.stdout.write(text)
    return 0
  }
  const file = resolve(out)
  if (existsSync(file) && !isOurs(readFileSync(file, 'utf8'))) {
    throw new UsageError(
      `${shownPath(file)} exists and was not written by dawnpress; it was left as it is.`,
      'Pass --out a new file, or one that "dawnpress schema" wrote before.',
    )
  }
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, text)
  process.stdout.write(`${shownPath(file)}\n`)
  return 0
}

function isOurs(text: string): boolean {
  try {
    return (JSON.parse(text) as { $comment?: unknown }).$comment === FRONTMATTER_SCHEMA_COMMENT
  } catch {
    return false
  }
}
