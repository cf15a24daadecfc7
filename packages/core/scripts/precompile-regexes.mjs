// After the build: every grammar's expressions converted to JavaScript ahead of time, one
// file a grammar in dist/regexes/, so that highlighting converts none at run time (see
// src/grammar-regexes.ts). Deterministic: the same grammars give byte-identical files.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { grammars } from 'tm-grammars'
import { precompiledFileName, precompileGrammar } from '../dist/internal.js'

const require = createRequire(import.meta.url)
const directory = new URL('../dist/regexes/', import.meta.url)
rmSync(directory, { recursive: true, force: true })
mkdirSync(directory, { recursive: true })
let expressions = 0
for (const { name } of grammars) {
  const file = require.resolve(`tm-grammars/grammars/${name}.json`)
  const grammar = JSON.parse(readFileSync(file, 'utf8'))
  const precompiled = precompileGrammar(grammar)
  expressions += precompiled.regexes.length
  writeFileSync(new URL(precompiledFileName(grammar.name), directory), JSON.stringify(precompiled))
}
process.stdout.write(`Precompiled ${expressions} expressions of ${grammars.length} grammars.\n`)
