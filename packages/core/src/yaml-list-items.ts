import type { State } from 'js-yaml'
import type { SourcePosition } from './yaml.ts'

/** An item of a top-level list, as js-yaml composed it. */
interface RecordedItem {
  position: SourcePosition
  value: unknown
}

/**
 * Records, while js-yaml reads a document, where each item of each top-level list starts
 * (such as each of `tags: [a, b]`), so that every tag has a position without building the
 * much slower positioned document. js-yaml calls the listener as it opens and closes each
 * node: the root is at depth 1, its keys and values alternate at depth 2, and a list's
 * items are at depth 3. `items` checks what was recorded against the data read, and gives
 * `undefined` when they disagree (an explicit `? key`, say), so a caller can fall back.
 */
export function createListItemRecorder(firstLine: number) {
  const lists = new Map<string, RecordedItem[]>()
  let depth = 0
  let topLevelNodes = 0
  let key: unknown
  let items: RecordedItem[] | undefined
  return {
    listener(event: 'open' | 'close', state: State): void {
      if (event === 'open') {
        depth++
        if (depth === 2 && topLevelNodes % 2 === 1) items = []
        if (depth === 3 && items) {
          const position = {
            line: state.line + firstLine,
            column: state.position - state.lineStart + 1,
          }
          items.push({ position, value: undefined })
        }
        return
      }
      if (depth === 3 && items) {
        const item = items.at(-1)
        if (item) item.value = state.result
      }
      if (depth === 2) {
        if (topLevelNodes % 2 === 0) key = state.result
        else if (items && typeof key === 'string' && state.kind === 'sequence') {
          lists.set(key, items)
        }
        if (topLevelNodes % 2 === 1) items = undefined
        topLevelNodes++
      }
      depth--
    },
    /** The positions of the items of the top-level list `name` in `data`, when sure. */
    items(data: unknown, name: string): SourcePosition[] | undefined {
      const recorded = lists.get(name)
      const list = isRecord(data) ? data[name] : undefined
      if (!recorded || !Array.isArray(list) || recorded.length !== list.length) return undefined
      if (recorded.some((item, index) => item.value !== list[index])) return undefined
      return recorded.map((item) => item.position)
    },
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
