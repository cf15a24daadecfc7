import { describe, expect, it } from 'vitest'
import { groupByTag } from './tags.ts'

const tagged = (id: string, ...tags: string[]) => ({ id, tags })
const summary = (articles: { id: string; tags: string[] }[]) =>
  groupByTag(articles).map((group) => [group.slug, group.name, group.articles.map((a) => a.id)])

describe('groupByTag', () => {
  it('gives C, C++ and C# three groups (regression: the "C#" feed held the C++ article)', () => {
    expect(summary([tagged('a', 'C++'), tagged('b', 'C#'), tagged('c', 'C')])).toEqual([
      ['c', 'C', ['c']],
      ['c-plus-plus', 'C++', ['a']],
      ['c-sharp', 'C#', ['b']],
    ])
  })

  it('gives distinct emoji distinct groups (regression: every emoji-only tag shared tags/tag/)', () => {
    expect(summary([tagged('a', '🚀'), tagged('b', '❤️'), tagged('c', '❤')])).toEqual([
      ['u1f680', '🚀', ['a']],
      ['u2764', '❤', ['b', 'c']],
    ])
  })

  it('merges spellings of one slug under the one most articles use, ties in code-point order', () => {
    const articles = [tagged('a', 'ai'), tagged('b', 'AI'), tagged('c', 'AI'), tagged('d', 'Ai')]
    expect(summary(articles)).toEqual([['ai', 'AI', ['a', 'b', 'c', 'd']]])
    expect(summary([tagged('a', 'ai'), tagged('b', 'AI')])).toEqual([['ai', 'AI', ['a', 'b']]])
  })

  it('counts an article once per tag, with its first spelling', () => {
    const articles = [tagged('a', 'ai', 'AI', 'AI'), tagged('b', 'AI')]
    expect(summary([...articles, tagged('c', 'ai')])).toEqual([['ai', 'ai', ['a', 'b', 'c']]])
  })

  it('groups by the slug articles get, and leaves out tags with nothing visible', () => {
    expect(
      summary([tagged('a', 'Café & Crème', ' ', '\u200b'), tagged('b', 'cafe creme')]),
    ).toEqual([['cafe-creme', 'Café & Crème', ['a', 'b']]])
  })
})
