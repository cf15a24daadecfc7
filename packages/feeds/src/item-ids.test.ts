import { describe, expect, it } from 'vitest'
import { articleUrl, makeArticle, SITE } from '../test/support/articles.ts'
import { FORMATS } from '../test/support/read.ts'
import { createFeeds } from './index.ts'

const NOW = new Date('2026-01-01T00:00:00Z')

describe.each(FORMATS)('item ids in $name', (format) => {
  it('keeps the id a renamed article was first published with, and links to its new page', () => {
    const renamed = makeArticle({
      slug: 'third-name',
      redirect_from: ['first-name', 'second-name'],
    })
    const text = format.pick(
      createFeeds([renamed, makeArticle({ slug: 'plain' })], SITE, { now: NOW }),
    )
    format.validate(text)
    const items = format.read(text).items
    expect(items.map((item) => [item.id, item.url])).toEqual([
      [articleUrl('plain'), articleUrl('plain')],
      [articleUrl('first-name'), articleUrl('third-name')],
    ])
  })
})
