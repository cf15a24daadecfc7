import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findOnPath, parseHugoVersion } from './hugo.ts'

describe('finding Hugo', () => {
  it("reads the version from Debian's hugo", () => {
    expect(
      parseHugoVersion(
        'hugo v0.111.3+extended linux/amd64 BuildDate=2023-03-16T08:41:31Z VendorInfo=debian:0.111.3-1\n',
      ),
    ).toBe('0.111.3+extended')
    expect(parseHugoVersion('something else')).toBeUndefined()
  })

  it('looks in every folder of PATH, in order', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'bench-path-'))
    try {
      await writeFile(join(folder, 'hugo'), '')
      expect(findOnPath('hugo', ['/nonexistent', folder].join(delimiter))).toBe(
        join(folder, 'hugo'),
      )
      expect(findOnPath('hugo', '/nonexistent')).toBeUndefined()
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})
