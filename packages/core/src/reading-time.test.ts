import { describe, expect, it } from 'vitest'
import { createMarkdownRenderer } from './markdown.ts'
import { parseArticle } from './parse.ts'
import {
  computeReadingTime,
  countCjk,
  createProseCounter,
  describeReadingAmount,
  isReadTimeFarOff,
  readingMinutes,
} from './reading-time.ts'

const renderer = createMarkdownRenderer()
const minutesOf = (markdown: string) => {
  const { words, cjkCharacters } = renderer.render(markdown)
  return computeReadingTime(words, cjkCharacters)
}

// About 2,500 characters of prose in each script: five minutes at 500 characters a minute.
const CHINESE = '大型语言模型是一类能够理解和生成类人文本的人工智能。'.repeat(100) // 25 a sentence
const JAPANESE = 'ひらがなとカタカナと漢字で書かれた文章です。'.repeat(119) // 21 a sentence
const KOREAN = '대규모 언어 모델은 사람처럼 글을 쓰는 인공지능입니다. '.repeat(109) // 23 a sentence

describe('computeReadingTime', () => {
  it('reads Latin text at 200 words a minute, as before', () => {
    expect(minutesOf(`${'word '.repeat(1000)}\n`)).toEqual({
      minutes: 5,
      words: 1000,
      cjkCharacters: 0,
    })
  })

  it('reads Chinese at 500 characters a minute, not as one long word', () => {
    const time = minutesOf(`${CHINESE}\n`)
    expect(time.cjkCharacters).toBe(2500)
    expect(time.words).toBe(0)
    expect(time.minutes).toBe(5)
  })

  it('reads Japanese (kana and kanji) at 500 characters a minute', () => {
    const time = minutesOf(`${JAPANESE}\n`)
    expect(time.cjkCharacters).toBe(21 * 119)
    expect(time.minutes).toBe(5)
  })

  it('reads Korean by its syllables, and does not count its spaced words twice', () => {
    const time = minutesOf(`${KOREAN}\n`)
    expect(time.cjkCharacters).toBe(23 * 109)
    expect(time.words).toBe(0)
    expect(time.minutes).toBe(5)
  })

  it('adds the words and the characters of a text that mixes scripts', () => {
    const time = minutesOf(`${CHINESE}\n\n${'word '.repeat(1000)}\n`)
    expect(time).toEqual({ minutes: 10, words: 1000, cjkCharacters: 2500 })
  })

  it('never says less than a minute', () => {
    expect(computeReadingTime(0, 0).minutes).toBe(1)
  })
})

describe('countCjk', () => {
  it('counts a run of CJK text and punctuation as characters, not as a word', () => {
    expect(countCjk('日本語の文章です。 and English')).toEqual({ characters: 8, runs: 1 })
  })

  it('keeps a run that mixes Latin letters and CJK a word', () => {
    expect(countCjk('Reactの使い方')).toEqual({ characters: 4, runs: 0 })
  })

  it('counts ideographs outside the Basic Multilingual Plane once each', () => {
    expect(countCjk('𠀋𡈽')).toEqual({ characters: 2, runs: 1 })
  })

  it('counts no CJK in Latin, Cyrillic, Arabic or Hebrew text', () => {
    expect(countCjk('Ελληνικά Кириллица العربية עברית café')).toEqual({ characters: 0, runs: 0 })
  })
})

describe('createProseCounter', () => {
  // What it stands for: words as runs of non-space characters, less countCjk's runs.
  const expected = (text: string) => {
    const cjk = countCjk(text)
    return { words: (text.match(/[^\s\uFEFF]+/gu) ?? []).length - cjk.runs, cjk: cjk.characters }
  }
  const counted = (pieces: string[]) => {
    const counter = createProseCounter()
    for (const piece of pieces) counter.add(piece)
    counter.end()
    return { words: counter.words, cjk: counter.cjkCharacters }
  }
  const samples = [
    '',
    'The quick brown fox, jumps!',
    '  spaced\tout\nlines\r\n ',
    '日本語の文章です。 and English',
    'Reactの使い方 — ok 。。 ...',
    '𠀋𡈽 x\uD800 \uDC00y \u3000全角\u00A0nbsp\u2009thin',
    'Ελληνικά Кириллица العربية עברית café',
    '\u0007bell \u007F del ¡hola! «quote»',
  ]

  it.each(samples)('counts %j as the word and CJK counts do', (text) => {
    expect(counted([text])).toEqual(expected(text))
  })

  it('counts a word split over pieces once, as one text', () => {
    for (const text of samples) {
      const pieces = [...text].reduce<string[]>((parts, character, index) => {
        if (index % 3 === 0) parts.push('')
        parts[parts.length - 1] += character
        return parts
      }, [])
      expect(counted(pieces)).toEqual(expected(text))
    }
  })

  it('ends a word at end(), as a space would', () => {
    const counter = createProseCounter()
    counter.add('one')
    counter.end()
    counter.add('two')
    counter.end()
    expect(counter.words).toBe(2)
  })
})

describe('READ_TIME_MISMATCH for CJK articles', () => {
  const article = (body: string, readTime: string) =>
    parseArticle(
      [
        '---',
        'title: 夜明け',
        'description: 説明。',
        `read_time: '${readTime}'`,
        '---',
        '',
        body,
      ].join('\n'),
      { file: 'a.md', path: 'a.md' },
    )

  it('regression: a correct estimate of a Japanese article no longer draws a false warning', () => {
    const { article: parsed, problems } = article(JAPANESE, '5 min read')
    expect(parsed?.readingTime.minutes).toBe(5)
    expect(problems).toEqual([])
  })

  it('still warns about a far-off estimate, counting characters in the message', () => {
    const { problems } = article(JAPANESE, '20 min read')
    expect(problems.map((problem) => problem.code)).toEqual(['READ_TIME_MISMATCH'])
    expect(problems[0]?.message).toContain('2,499 CJK characters take about 5 min')
    expect(problems[0]?.message).toContain('500 CJK characters a minute')
  })
})

describe('describeReadingAmount', () => {
  it('names words, characters, or both', () => {
    expect(describeReadingAmount(computeReadingTime(336))).toBe('336 words')
    expect(describeReadingAmount(computeReadingTime(0, 2400))).toBe('2,400 CJK characters')
    expect(describeReadingAmount(computeReadingTime(12, 2400))).toBe(
      '12 words and 2,400 CJK characters',
    )
  })
})

describe('readingMinutes', () => {
  const computed = { readingTime: { minutes: 2 } }

  it("shows the author's estimate when it is close to the computed time", () => {
    expect(readingMinutes({ ...computed, read_time: '3 min read' })).toBe(3)
  })

  it('regression: shows the computed time when the estimate is one check warns about', () => {
    expect(isReadTimeFarOff(10, 2)).toBe(true)
    expect(readingMinutes({ ...computed, read_time: '10 min read' })).toBe(2)
  })

  it('shows the computed time, rounded and at least 1, without an estimate', () => {
    expect(readingMinutes({ readingTime: { minutes: 0.4 } })).toBe(1)
  })
})
