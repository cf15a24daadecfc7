import { describe, expect, it } from 'vitest'
import { type CardNode, collectText, expandTree, textDirection } from './tree.ts'

const div = (style: Record<string, unknown>, children: CardNode): CardNode => ({
  type: 'div',
  props: { style, children },
})

describe('expandTree', () => {
  it('calls function components and awaits promises', async () => {
    const Title = ({ text }: { text: string }) => div({ fontWeight: 700 }, text)
    const tree = await expandTree(
      div({}, [{ type: Title, props: { text: 'Hello' } }, Promise.resolve('world')] as CardNode),
    )
    expect(tree).toEqual(div({}, [div({ fontWeight: 700 }, 'Hello'), 'world']))
  })
})

describe('collectText', () => {
  it('groups text by the font weight it inherits, emoji apart', () => {
    const tree = div({ fontWeight: 700 }, [
      'Bold 🚀',
      div({ fontWeight: 'normal' }, ['Regular ', 42]),
      div({}, 'Still bold'),
    ])
    expect(collectText(tree)).toEqual({
      runs: [
        { weight: 700, text: 'Bold Still bold' },
        { weight: 400, text: 'Regular 42' },
      ],
      emoji: ['🚀'],
    })
  })

  it('keeps a multi-code-point emoji together', () => {
    expect(collectText('a 🧑‍🚀 b').emoji).toEqual(['🧑‍🚀'])
  })
})

describe('textDirection', () => {
  it.each([
    ['فجر نماذج', 'rtl'],
    ['שחר', 'rtl'],
    ['123 שחר', 'rtl'],
    ['The dawn', 'ltr'],
    ['大型语言', 'ltr'],
    ['', 'ltr'],
  ])('sets %j %s', (text, direction) => {
    expect(textDirection(text)).toBe(direction)
  })
})
