import { describe, expect, it } from 'vitest'
import { createEmojiLibrary, isEmoji, twemojiFileNames } from './emoji.ts'

describe('isEmoji', () => {
  it.each(['🚀', '❤️', '🇯🇵', '1️⃣', '🧑‍🚀', '👋🏽'])('draws %s as an image', (grapheme) => {
    expect(isEmoji(grapheme)).toBe(true)
  })

  it.each(['©', '™', '1', '#', '☺', '❤︎', 'a'])('leaves %s to the fonts, as text', (grapheme) => {
    expect(isEmoji(grapheme)).toBe(false)
  })
})

describe('twemojiFileNames', () => {
  it('drops VS16 outside zero-width-joiner sequences', () => {
    expect(twemojiFileNames('❤️')[0]).toBe('2764.svg')
    expect(twemojiFileNames('1️⃣')[0]).toBe('31-20e3.svg')
  })

  it('keeps VS16 inside zero-width-joiner sequences', () => {
    expect(twemojiFileNames('❤️‍🔥')[0]).toBe('2764-fe0f-200d-1f525.svg')
  })
})

describe('createEmojiLibrary', () => {
  it('returns a Twemoji SVG as a data URL', async () => {
    const image = await createEmojiLibrary().imageOf('🚀')
    expect(image).toMatch(/^data:image\/svg\+xml;base64,/)
    const svg = Buffer.from(image?.split(',')[1] ?? '', 'base64').toString('utf8')
    expect(svg).toContain('<svg')
  })

  it('returns nothing for a sequence Twemoji has no image for', async () => {
    expect(await createEmojiLibrary().imageOf('\u{1FAE9}')).toBeUndefined()
  })
})
