import { describe, expect, it } from 'vitest'
import { type CpuProfile, packageOf, summariseProfiles } from './profile.ts'

function profile(entries: [string, string, number[]][]): CpuProfile {
  const nodes = entries.map(([functionName, url], index) => ({
    id: index + 1,
    callFrame: { functionName, url, lineNumber: 9 },
  }))
  const samples: number[] = []
  const timeDeltas: number[] = []
  for (const [index, [, , deltas]] of entries.entries()) {
    for (const delta of deltas) {
      samples.push(index + 1)
      timeDeltas.push(delta)
    }
  }
  return { nodes, samples, timeDeltas }
}

describe('summariseProfiles', () => {
  it('adds up self time by function over every thread, idle left out', () => {
    const url =
      'file:///w/node_modules/.pnpm/markdown-it@14.3.3/node_modules/markdown-it/lib/renderer.mjs'
    const main = profile([
      ['render', url, [1000, 1000, 2000]],
      ['(idle)', '', [50_000]],
      ['(garbage collector)', '', [1000]],
    ])
    const worker = profile([['render', url, [4000]]])
    expect(summariseProfiles([main, worker])).toEqual([
      { name: 'render (markdown-it/lib/renderer.mjs:10)', selfMs: 8, share: 8 / 9 },
      { name: '(garbage collector)', selfMs: 1, share: 1 / 9 },
    ])
  })

  it('cuts a long name, such as a regular expression source, to 60 characters', () => {
    const long = `RegExp: ${'[a-z]'.repeat(40)}`
    const [entry] = summariseProfiles([profile([[long, '', [1000]]])])
    expect(entry?.name).toHaveLength(60)
    expect(entry?.name.endsWith('…')).toBe(true)
  })

  it('keeps the longest first and only as many as asked', () => {
    const many = profile([
      ['a', '/src/a.js', [1000]],
      ['b', '/src/b.js', [3000]],
      ['c', '/src/c.js', [2000]],
    ])
    expect(summariseProfiles([many], 2).map((entry) => entry.name)).toEqual([
      'b (/src/b.js:10)',
      'c (/src/c.js:10)',
    ])
  })
})

describe('packageOf', () => {
  it('names the package of a frame: a dependency, a workspace package, Node, or GC', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 })
    expect(
      packageOf(
        frame('render', 'file:///w/node_modules/.pnpm/x/node_modules/markdown-it/lib/a.mjs'),
      ),
    ).toBe('markdown-it')
    expect(packageOf(frame('f', 'file:///w/node_modules/@resvg/resvg-js/index.js'))).toBe(
      '@resvg/resvg-js',
    )
    expect(packageOf(frame('parse', 'file:///work/x/packages/core/dist/internal.js'))).toBe(
      'packages/core',
    )
    expect(packageOf(frame('wrapSafe', 'node:internal/modules/cjs/loader'))).toBe('node')
    expect(packageOf(frame('(garbage collector)', ''))).toBe('(garbage collector)')
  })
})
