import { describe, expect, it } from 'vitest'
import { type HtmlPiece, lexHtml } from './html-lexer.ts'

/** Each piece as its kind and the text it covers. */
const pieces = (source: string) =>
  lexHtml(source).map((piece) => [piece.kind, source.slice(piece.start, piece.end)])

const tag = (source: string, base = 0) =>
  lexHtml(source, base)[0] as Extract<HtmlPiece, { kind: 'start' }>

describe('lexHtml', () => {
  it('splits a fragment into pieces that cover every character in order', () => {
    const source = 'a<b class=x>c</b><!-- d --><?e?>f < g'
    expect(pieces(source)).toEqual([
      ['text', 'a'],
      ['start', '<b class=x>'],
      ['text', 'c'],
      ['end', '</b>'],
      ['comment', '<!-- d -->'],
      ['ignored', '<?e?>'],
      ['text', 'f < g'],
    ])
  })

  it('gives offsets from the base it is told', () => {
    expect(lexHtml('<i>', 10)).toMatchObject([{ kind: 'start', start: 10, end: 13 }])
    expect(tag('<b  id=x>')).toMatchObject({ attributes: [{ name: 'id', start: 4 }] })
    expect(tag('<b  id=x>', 5)).toMatchObject({ start: 5, attributes: [{ name: 'id', start: 9 }] })
  })

  it('reads attributes as browsers do: quoted or not, without value, the first of two', () => {
    expect(tag(`<A HREF="x y" title='it"s' data-x=1/ hidden id=a id=b =odd>`)).toMatchObject({
      name: 'a',
      selfClosing: false,
      attributes: [
        { name: 'href', value: 'x y' },
        { name: 'title', value: 'it"s' },
        { name: 'data-x', value: '1/' },
        { name: 'hidden', value: '' },
        { name: 'id', value: 'a' },
        { name: '=odd', value: '' },
      ],
    })
    expect(tag('<br/>')).toMatchObject({ name: 'br', selfClosing: true, attributes: [] })
  })

  it('decodes character references in attribute values as browsers do', () => {
    expect(tag('<a href="&#106;ava&Tab;script&colon;x&amp;y&notit;">').attributes[0]?.value).toBe(
      'java\tscript:x&y&notit;',
    )
  })

  it('reads the content of a raw-text element up to its end tag, whatever its case', () => {
    expect(pieces('<script>a</b>c</SCRIPTX></Script >d')).toEqual([
      ['start', '<script>'],
      ['raw', 'a</b>c</SCRIPTX>'],
      ['end', '</Script >'],
      ['text', 'd'],
    ])
    expect(pieces('<textarea></textarea>')).toEqual([
      ['start', '<textarea>'],
      ['end', '</textarea>'],
    ])
  })

  it('reads on after a raw-text element that is never closed, as after any other tag', () => {
    expect(pieces('<title>a <b>b</b>')).toEqual([
      ['start', '<title>'],
      ['text', 'a '],
      ['start', '<b>'],
      ['text', 'b'],
      ['end', '</b>'],
    ])
  })

  it('ends a comment at the first "-->" or "--!>", and takes "<!-->" and "<!--->" as whole', () => {
    expect(pieces('<!-- a --!> b -->')).toEqual([
      ['comment', '<!-- a --!>'],
      ['text', ' b -->'],
    ])
    expect(pieces('<!-->x<!--->y<!---->')).toEqual([
      ['comment', '<!-->'],
      ['text', 'x'],
      ['comment', '<!--->'],
      ['text', 'y'],
      ['comment', '<!---->'],
    ])
  })

  it('reads declarations, processing instructions and odd end tags up to the first ">"', () => {
    expect(pieces('<!DOCTYPE html "x>y"><![CDATA[a>b]]></ x></>')).toEqual([
      ['ignored', '<!DOCTYPE html "x>'],
      ['text', 'y">'],
      ['ignored', '<![CDATA[a>'],
      ['text', 'b]]>'],
      ['ignored', '</ x>'],
      ['ignored', '</>'],
    ])
  })

  it('marks the "<" of a tag or comment that never ends, and reads on after it as text', () => {
    expect(pieces('<div id="x')).toEqual([
      ['unclosed', '<'],
      ['text', 'div id="x'],
    ])
    expect(pieces('a <!-- b')).toEqual([
      ['text', 'a '],
      ['unclosed', '<'],
      ['text', '!-- b'],
    ])
    expect(pieces('x <').map(([kind]) => kind)).toEqual(['text', 'unclosed'])
    expect(pieces('x </').map(([kind]) => kind)).toEqual(['text', 'unclosed', 'text'])
    expect(pieces('<!x').map(([kind]) => kind)).toEqual(['unclosed', 'text'])
  })

  it('leaves "<" that opens nothing in the text', () => {
    expect(pieces('a < b <3 <= c <. d')).toEqual([['text', 'a < b <3 <= c <. d']])
  })
})
