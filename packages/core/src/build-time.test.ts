import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildTime } from './build-time.ts'
import { defineCollection, loadCollection } from './collection.ts'

function collectionOf(dates: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'dawnpress-scheduled-'))
  for (const [slug, date] of Object.entries(dates)) {
    writeFileSync(
      join(dir, `${slug}.md`),
      `---\ntitle: ${slug}\ndescription: D.\ndate: ${date}\n---\n\nBody.\n`,
    )
  }
  return dir
}

describe('scheduled articles', () => {
  it('are not published before their date (regression: an article dated 2099 was)', async () => {
    const dir = collectionOf({ past: '2025-01-01', future: '2099-01-01' })
    const now = new Date('2026-12-01T00:00:00Z')
    const { articles, scheduled, problems } = await loadCollection(
      defineCollection({ directory: dir, gitDates: false }),
      { now },
    )
    expect(articles.map((article) => article.slug)).toEqual(['past'])
    expect(scheduled.map((article) => article.slug)).toEqual(['future'])
    expect(problems).toEqual([])
  })

  it('are published from their date on, and shown early by a collection that previews them', async () => {
    const dir = collectionOf({ future: '2099-01-01T09:00:00Z' })
    const published = await loadCollection(defineCollection({ directory: dir, gitDates: false }), {
      now: new Date('2099-01-01T09:00:00Z'),
    })
    expect(published.articles.map((article) => article.slug)).toEqual(['future'])
    const preview = await loadCollection(
      defineCollection({ directory: dir, gitDates: false, scheduled: true }),
      { now: new Date('2026-12-01T00:00:00Z') },
    )
    expect(preview.articles.map((article) => article.slug)).toEqual(['future'])
    expect(preview.scheduled.map((article) => article.slug)).toEqual(['future'])
  })
})

describe('buildTime', () => {
  it('is SOURCE_DATE_EPOCH when it is set, so that a commit and an epoch build alike', () => {
    expect(buildTime({ SOURCE_DATE_EPOCH: '1767225600' }).toISOString()).toBe(
      '2026-01-01T00:00:00.000Z',
    )
  })

  it('is now without it, and refuses an epoch that is not a number', () => {
    const before = Date.now()
    expect(buildTime({}).getTime()).toBeGreaterThanOrEqual(before)
    expect(() => buildTime({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(RangeError)
  })
})
