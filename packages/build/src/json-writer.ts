import { closeSync, openSync, writeSync } from 'node:fs'

/** Text gathered before it is written: large enough that writes are few. */
const WRITE_AT = 1 << 20

/** How deep the writer takes objects and arrays apart; below, each value is stringified whole. */
const DEPTH = 3

/**
 * Writes `JSON.stringify(value)` to `path`, byte for byte, without ever holding it as one
 * string: objects and arrays near the top are written a member at a time, so a build state
 * of 100,000 articles costs memory for one article's entry, not for the whole document
 * (and its copy as bytes) at once.
 */
export function writeJsonFile(path: string, value: unknown): void {
  const fd = openSync(path, 'w')
  try {
    let pending = ''
    for (const piece of jsonPieces(value, DEPTH)) {
      pending += piece
      if (pending.length >= WRITE_AT) {
        writeSync(fd, pending)
        pending = ''
      }
    }
    if (pending !== '') writeSync(fd, pending)
  } finally {
    closeSync(fd)
  }
}

/** The text of `JSON.stringify(value)` in pieces, taking `depth` levels apart. */
function* jsonPieces(value: unknown, depth: number): Generator<string, void, undefined> {
  if (depth === 0 || value === null || typeof value !== 'object' || 'toJSON' in value) {
    yield JSON.stringify(value)
    return
  }
  if (Array.isArray(value)) {
    yield '['
    for (let index = 0; index < value.length; index++) {
      if (index > 0) yield ','
      // An array keeps its place for what JSON has no spelling of, as `null`.
      if (isUnwritable(value[index])) yield 'null'
      else yield* jsonPieces(value[index], depth - 1)
    }
    yield ']'
    return
  }
  yield '{'
  let first = true
  for (const [key, member] of Object.entries(value)) {
    // An object leaves out what JSON has no spelling of, as JSON.stringify does.
    if (isUnwritable(member)) continue
    yield `${first ? '' : ','}${JSON.stringify(key)}:`
    first = false
    yield* jsonPieces(member, depth - 1)
  }
  yield '}'
}

function isUnwritable(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}
