import { closeSync, openSync, writeSync } from 'node:fs'

/** Text gathered before it is written: large enough that writes are few. */
const WRITE_AT = 1 << 20

/**
 * Writes `JSON.stringify(value)` to `path`, byte for byte, without ever holding it as one
 * string: objects are written a member at a time and arrays an item at a time (each item
 * whole), so a build state of 100,000 articles costs memory for one article's entry, not
 * for the whole document (and its copy as bytes) at once.
 */
export function writeJsonFile(path: string, value: unknown): void {
  const fd = openSync(path, 'w')
  try {
    let pending = ''
    const write = (text: string) => {
      pending += text
      if (pending.length >= WRITE_AT) {
        writeSync(fd, pending)
        pending = ''
      }
    }
    writeValue(value, write)
    if (pending !== '') writeSync(fd, pending)
  } finally {
    closeSync(fd)
  }
}

function writeValue(value: unknown, write: (text: string) => void): void {
  if (value === null || typeof value !== 'object' || 'toJSON' in value) {
    write(JSON.stringify(value))
  } else if (Array.isArray(value)) {
    write('[')
    for (let index = 0; index < value.length; index++) {
      // An array keeps the place of what JSON has no spelling of, as `null`.
      const item = JSON.stringify(value[index]) ?? 'null'
      write(index === 0 ? item : `,${item}`)
    }
    write(']')
  } else {
    let separator = '{'
    for (const [key, member] of Object.entries(value)) {
      // An object leaves out what JSON has no spelling of, as JSON.stringify does.
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') {
        continue
      }
      write(`${separator}${JSON.stringify(key)}:`)
      separator = ','
      writeValue(member, write)
    }
    write(separator === '{' ? '{}' : '}')
  }
}
