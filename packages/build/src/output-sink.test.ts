import { describe, expect, it } from 'vitest'
import { assertOutputPaths, isSafeOutputPath } from './output-sink.ts'

describe('isSafeOutputPath', () => {
  it('accepts relative paths inside the output folder', () => {
    expect(isSafeOutputPath('index.html')).toBe(true)
    expect(isSafeOutputPath('tags/ai/rss.xml')).toBe(true)
  })

  it.each(['', '/etc/passwd', '../x', 'a/../../x', 'a//b', './a', 'a\\b', 'C:/x', 'a\0b'])(
    'rejects %j, which could leave the output folder',
    (path) => {
      expect(isSafeOutputPath(path)).toBe(false)
    },
  )
})

describe('assertOutputPaths', () => {
  it('rejects two outputs with the same path', () => {
    expect(() =>
      assertOutputPaths([
        { path: 'rss.xml', contents: 'a' },
        { path: 'rss.xml', contents: 'b' },
      ]),
    ).toThrow(/Two outputs would both write "rss.xml"/)
  })
})
