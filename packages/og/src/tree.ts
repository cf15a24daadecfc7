import { isEmoji } from './emoji.ts'
import type { TextRun } from './fonts.ts'

/**
 * An element as satori takes it: what `satori/jsx` (or React) JSX produces, or a plain
 * object literal such as `{ type: 'div', props: { style: {...}, children: 'Hi' } }`.
 */
export interface CardElement {
  // biome-ignore lint/suspicious/noExplicitAny: components take whatever props they declare
  type: string | symbol | ((props: any) => CardNode | Promise<CardNode>)
  // biome-ignore lint/suspicious/noExplicitAny: props differ for every element
  props: any
  key?: string | number | null | undefined
}

/**
 * An element dawnpress makes for a template, such as a laid-out text: shaped like the
 * elements of both `satori/jsx` and React, so it goes into either's JSX as a child.
 */
export interface CardTextElement {
  type: 'div' | 'img'
  props: Record<string, unknown>
  key: string | null
}

/** Anything a template may return or put in `children`. */
export type CardNode =
  | CardElement
  | string
  | number
  | bigint
  | boolean
  | null
  | undefined
  | Iterable<CardNode>

/**
 * Calls function components and awaits promises, so that the tree satori draws is exactly the
 * tree whose text chose the fonts.
 */
export async function expandTree(node: CardNode | Promise<CardNode>): Promise<CardNode> {
  const value = await node
  if (value === null || value === undefined || typeof value !== 'object') return value
  if (isIterable(value)) {
    const children: CardNode[] = []
    for (const child of value) children.push(await expandTree(child))
    return children
  }
  if (typeof value.type === 'function') return expandTree(value.type(value.props ?? {}))
  const props = value.props ?? {}
  if (props.children === undefined) return value
  return { ...value, props: { ...props, children: await expandTree(props.children) } }
}

/** The text of a tree by font weight, and the emoji it holds. */
export interface TreeText {
  runs: TextRun[]
  emoji: string[]
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** Collects the text of an expanded tree with the weight it inherits, emoji apart. */
export function collectText(tree: CardNode): TreeText {
  const byWeight = new Map<number, string>()
  const emoji = new Set<string>()
  const visit = (node: CardNode, weight: number) => {
    if (node === null || node === undefined || typeof node === 'boolean') return
    if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint') {
      let text = ''
      for (const { segment } of segmenter.segment(String(node))) {
        if (isEmoji(segment)) emoji.add(segment)
        else text += segment
      }
      byWeight.set(weight, (byWeight.get(weight) ?? '') + text)
      return
    }
    if (isIterable(node)) {
      for (const child of node) visit(child, weight)
      return
    }
    const props = node.props ?? {}
    visit(props.children, readWeight(props.style?.fontWeight, weight))
  }
  visit(tree, 400)
  return {
    runs: [...byWeight].map(([weight, text]) => ({ weight, text })),
    emoji: [...emoji],
  }
}

function readWeight(value: unknown, inherited: number): number {
  if (typeof value === 'number') return value
  if (value === 'bold' || value === 'bolder') return 700
  if (value === 'normal') return 400
  if (value === 'lighter') return 300
  const parsed = typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN
  return Number.isFinite(parsed) ? parsed : inherited
}

function isIterable(value: object): value is Iterable<CardNode> {
  return Symbol.iterator in value
}

const STRONG_RTL =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u
const STRONG = /[\p{L}]/u

/**
 * The direction of a piece of text from its first letter, as `dir="auto"` decides in a
 * browser: an Arabic or Hebrew title is set right to left.
 */
export function textDirection(text: string): 'ltr' | 'rtl' {
  for (const char of text) {
    if (STRONG_RTL.test(char)) return 'rtl'
    if (STRONG.test(char)) return 'ltr'
  }
  return 'ltr'
}
