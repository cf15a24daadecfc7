import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listFiles } from './list-files.ts'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function makeFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'dawnpress-list-'))
  folders.push(folder)
  return folder
}

describe('listFiles', () => {
  it('lists every file of nested folders by relative path with slashes, and no folders', () => {
    const dir = makeFolder()
    mkdirSync(join(dir, 'a', 'b'), { recursive: true })
    mkdirSync(join(dir, 'empty'))
    writeFileSync(join(dir, 'top.md'), '')
    writeFileSync(join(dir, 'a', 'one.md'), '')
    writeFileSync(join(dir, 'a', 'b', 'two.png'), '')
    expect(listFiles(dir).sort()).toEqual(['a/b/two.png', 'a/one.md', 'top.md'])
  })

  it('lists a link to a folder as an entry without following it, as a recursive readdir does', () => {
    const dir = makeFolder()
    const elsewhere = makeFolder()
    writeFileSync(join(elsewhere, 'inside.md'), '')
    symlinkSync(elsewhere, join(dir, 'linked'))
    expect(listFiles(dir)).toEqual(['linked'])
  })

  it('throws when the folder itself cannot be read', () => {
    expect(() => listFiles(join(makeFolder(), 'missing'))).toThrow(/ENOENT/)
  })
})
