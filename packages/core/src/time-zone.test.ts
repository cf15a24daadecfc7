import { describe, expect, it } from 'vitest'
import { defineCollection } from './collection.ts'
import { parseArticle } from './parse.ts'
import { isTimeZone, readDateIn } from './time-zone.ts'

const source = (date: string) =>
  `---\ntitle: Dated\ndescription: A dated article.\ndate: ${date}\n---\n\nText.\n`

describe('readDateIn', () => {
  it('reads a date alone as the start of that day in the time zone', () => {
    expect(readDateIn('2025-01-15')?.toISOString()).toBe('2025-01-15T00:00:00.000Z')
    expect(readDateIn('2025-01-15', 'America/New_York')?.toISOString()).toBe(
      '2025-01-15T05:00:00.000Z',
    )
    expect(readDateIn('2025-01-15', 'Pacific/Auckland')?.toISOString()).toBe(
      '2025-01-14T11:00:00.000Z',
    )
  })

  it('starts a day at 01:00 where summer time began at midnight', () => {
    // Chile moved its clocks from 00:00 to 01:00 on 2024-09-08.
    expect(readDateIn('2024-09-08', 'America/Santiago')?.toISOString()).toBe(
      '2024-09-08T04:00:00.000Z',
    )
  })

  it('leaves a date-time with an offset where it is, and refuses what is not a date', () => {
    expect(readDateIn('2025-01-15T10:00:00+02:00', 'Pacific/Auckland')?.toISOString()).toBe(
      '2025-01-15T08:00:00.000Z',
    )
    expect(readDateIn('2025-02-30')).toBeUndefined()
    expect(readDateIn('soon')).toBeUndefined()
  })

  it('throws a RangeError for a time zone this Node does not know', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    expect(() => readDateIn('2025-01-15', 'Mars/Olympus')).toThrow(RangeError)
  })
})

describe("an article's date", () => {
  it('is the start of its day in the time zone the parse is given', () => {
    const dated = (timeZone?: string) =>
      parseArticle(source('2025-03-01'), { file: 'a.md', timeZone }).article?.date
    expect(dated()).toBe('2025-03-01T00:00:00.000Z')
    expect(dated('Pacific/Auckland')).toBe('2025-02-28T11:00:00.000Z')
  })

  it('takes the collection time zone, and refuses one that is not an IANA zone', () => {
    expect(defineCollection({ directory: 'x', timeZone: 'Asia/Tokyo' }).timeZone).toBe('Asia/Tokyo')
    expect(defineCollection({ directory: 'x' }).timeZone).toBe('UTC')
    expect(() => defineCollection({ directory: 'x', timeZone: 'Mars/Olympus' })).toThrow(
      /IANA time zone/,
    )
  })
})
