import { describe, expect, it } from 'vitest'
import { isLanguageTag, languageTagHint, suggestLanguageTag } from './language.ts'
import { articleSchema } from './schema.ts'
import { parseSite } from './site.ts'

describe('isLanguageTag', () => {
  it('accepts BCP 47 tags of known languages, in any case', () => {
    for (const tag of [
      'en',
      'en-GB',
      'en-us',
      'pt-BR',
      'zh-Hant-TW',
      'fil',
      'sr-Latn',
      'de-CH-1996',
    ]) {
      expect(isLanguageTag(tag), tag).toBe(true)
    }
  })

  it('refuses names, underscores, unknown codes and malformed tags', () => {
    for (const tag of [
      'English',
      'en_US',
      'xx',
      'und',
      '',
      'e',
      'en-',
      'en--US',
      'i-klingon',
      ' en',
    ]) {
      expect(isLanguageTag(tag), tag).toBe(false)
    }
  })
})

describe('suggestLanguageTag', () => {
  it('turns a locale with an underscore into its tag and a language name into its code', () => {
    expect(suggestLanguageTag('en_US')).toBe('en-US')
    expect(suggestLanguageTag('pt_br')).toBe('pt-BR')
    expect(suggestLanguageTag('English')).toBe('en')
    expect(suggestLanguageTag('french')).toBe('fr')
    expect(suggestLanguageTag('Klingonish')).toBeUndefined()
    expect(suggestLanguageTag(42)).toBeUndefined()
  })

  it('gives a hint that names the tag to use', () => {
    expect(languageTagHint('en_US')).toBe(
      'Use "en-US": a language tag joins its parts with "-", not "_".',
    )
    expect(languageTagHint('English')).toBe('Use "en", the language\'s code, rather than its name.')
    expect(languageTagHint('Elvish')).toContain('"en-GB"')
  })
})

describe('the site language', () => {
  const site = (language: string) =>
    JSON.stringify(
      {
        title: 'Dawn',
        description: 'Essays.',
        url: 'https://example.org/',
        language,
        author: { name: 'Ada' },
      },
      null,
      2,
    )

  it('is an invalid field at its value for "English" (regression: InvalidLanguage in both XML feeds)', () => {
    const { site: parsed, problems } = parseSite(site('English'), 'site.json')
    expect(parsed).toBeUndefined()
    expect(problems).toMatchObject([
      {
        code: 'FIELD_INVALID',
        severity: 'error',
        path: ['language'],
        line: 5,
        column: 15,
        hint: 'Use "en", the language\'s code, rather than its name.',
      },
    ])
    expect(problems[0]?.message).toBe(
      'The setting "language" is invalid: expected a BCP 47 language tag such as "en" or "pt-BR", not a language name.',
    )
  })

  it('is an invalid field for "en_US" (regression: feeds dropped it without a word)', () => {
    const { problems } = parseSite(site('en_US'), 'site.json')
    expect(problems.map((problem) => [problem.code, problem.hint])).toEqual([
      ['FIELD_INVALID', 'Use "en-US": a language tag joins its parts with "-", not "_".'],
    ])
  })

  it('accepts a region and keeps it as written', () => {
    expect(parseSite(site('en-GB'), 'site.json').site?.language).toBe('en-GB')
  })
})

describe('an article lang', () => {
  it('follows the same rule as the site language', () => {
    const base = { title: 'T', description: 'D' }
    expect(articleSchema.safeParse({ ...base, lang: 'pt-BR' }).success).toBe(true)
    expect(articleSchema.safeParse({ ...base, lang: 'pt_BR' }).success).toBe(false)
    expect(articleSchema.safeParse({ ...base, lang: 'Portuguese' }).success).toBe(false)
  })
})
