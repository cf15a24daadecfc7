import { describe, expect, it } from 'vitest'
import { packageDir } from './font-packages.ts'
import { createFontLibrary, parseUnicodeRange } from './fonts.ts'

const names = async (text: string, weight = 400) =>
  (await createFontLibrary().fontsFor([{ text, weight }])).fonts.map(
    (font) => `${font.name} ${font.weight}`,
  )

describe('createFontLibrary', () => {
  it('loads only Inter for English text, at the weights the text uses', async () => {
    const library = createFontLibrary()
    const { fonts } = await library.fontsFor([
      { text: 'The Dawn', weight: 700 },
      { text: 'of models', weight: 400 },
    ])
    expect(fonts.map((font) => `${font.name} ${font.weight}`)).toEqual(['Inter 400', 'Inter 700'])
  })

  it('adds the slices of Noto Sans SC that hold the Chinese characters, and no others', async () => {
    const fonts = await names('你好')
    expect(fonts.every((name) => name.startsWith('Noto Sans SC '))).toBe(true)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.length).toBeLessThanOrEqual(2)
  })

  it('prefers the Japanese font for Han characters in text with kana', async () => {
    expect((await names('日本のことば')).every((name) => name.startsWith('Noto Sans JP '))).toBe(
      true,
    )
  })

  it('draws Hangul with the Korean font even in text that prefers Japanese', async () => {
    const { chosen } = await createFontLibrary().fontsFor([{ text: 'ひらがな 언어', weight: 400 }])
    expect(chosen.get('언')).toMatch(/^noto-sans-kr\//)
    expect(chosen.get('ひ')).toMatch(/^noto-sans-jp\//)
  })

  it('keeps Chinese text with CJK punctuation on the Chinese font', async () => {
    const { chosen } = await createFontLibrary().fontsFor([{ text: '你好。', weight: 400 }])
    expect(chosen.get('你')).toMatch(/^noto-sans-sc\//)
  })

  it('picks the Arabic and Hebrew fonts for their scripts', async () => {
    const { chosen } = await createFontLibrary().fontsFor([{ text: 'عש', weight: 400 }])
    expect(chosen.get('ع')).toBe('noto-sans-arabic/arabic')
    expect(chosen.get('ש')).toBe('noto-sans-hebrew/hebrew')
  })

  it('moves on to the next font for a character a slice turned out not to have', async () => {
    const library = createFontLibrary()
    const first = await library.fontsFor([{ text: '언', weight: 400 }])
    const key = first.chosen.get('언')
    const second = await library.fontsFor([{ text: '언', weight: 400 }], {
      avoid: new Set([`${key} 언`]),
    })
    expect(second.chosen.get('언')).not.toBe(key)
  })

  it("prefers the font of the card's language for Han characters, kana or not", async () => {
    const library = createFontLibrary()
    const inJapanese = await library.fontsFor([{ text: '日本語', weight: 400 }], { language: 'ja' })
    const inKorean = await library.fontsFor([{ text: '日本語', weight: 400 }], { language: 'ko' })
    expect(inJapanese.chosen.get('日')).toMatch(/^noto-sans-jp\//)
    expect(inKorean.chosen.get('日')).toMatch(/^noto-sans-kr\//)
  })

  it('names the optional package that would draw a character, when it is not installed', async () => {
    const library = createFontLibrary({
      resolvePackage: (name) =>
        name === '@fontsource/noto-sans-kr' ? undefined : packageDir(name),
    })
    const { chosen, wanted } = await library.fontsFor([{ text: 'Aa 언', weight: 400 }], {
      language: 'ko',
    })
    expect(wanted).toEqual(new Map([['언', '@fontsource/noto-sans-kr']]))
    expect(chosen.has('A')).toBe(true)
  })

  it('chooses no font for a character no bundled font lists', async () => {
    const { fonts, chosen } = await createFontLibrary().fontsFor([{ text: '𓀀', weight: 400 }])
    expect(fonts).toEqual([])
    expect(chosen.size).toBe(0)
  })

  it('orders fonts the same whatever the order of the text', async () => {
    expect(await names('ab你好שע')).toEqual(await names('עש好你ba'))
  })

  it('reads each font file once and hands out the same data object', async () => {
    const library = createFontLibrary()
    const [a] = (await library.fontsFor([{ text: 'a', weight: 400 }])).fonts
    const [b] = (await library.fontsFor([{ text: 'b', weight: 400 }])).fonts
    expect(a?.data).toBe(b?.data)
  })
})

describe('parseUnicodeRange', () => {
  it('reads single code points and ranges, sorted', () => {
    expect(parseUnicodeRange('U+0590-05FF,U+0041, U+20AA')).toEqual([
      [0x41, 0x41],
      [0x590, 0x5ff],
      [0x20aa, 0x20aa],
    ])
  })
})
