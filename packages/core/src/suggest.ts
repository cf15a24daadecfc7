/**
 * The known name closest to a misspelt one, when it is close enough to be a likely typo:
 * at most one edit per three characters (a swap of two neighbours counts as one edit, so
 * `titel` suggests `title`). Case is ignored.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase()
  let best: string | undefined
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, index) => index)]
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    const above = rows[i - 1] as number[]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let distance = Math.min(
        (above[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (above[j - 1] ?? 0) + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, (rows[i - 2]?.[j - 2] ?? 0) + 1)
      }
      row[j] = distance
    }
    rows.push(row)
  }
  return rows[a.length]?.[b.length] ?? 0
}

/** What `knownKeys` reads of a zod schema: its definition, which zod 4 keeps in `_zod.def`. */
interface SchemaDefinition {
  type: string
  shape?: Record<string, unknown>
  catchall?: unknown
  element?: unknown
  options?: unknown[]
  innerType?: unknown
  in?: unknown
  left?: unknown
  right?: unknown
  getter?: () => unknown
}

function definitionOf(schema: unknown): SchemaDefinition | undefined {
  return (schema as { _zod?: { def?: SchemaDefinition } } | undefined)?._zod?.def
}

/**
 * The field names a zod schema knows for the object at `path` (`[]` for the top level,
 * `['authors', 1]` for the second author), looking through optional, default, array, union
 * and pipe wrappers. `strict` is true when zod itself rejects other names, `open` when it
 * accepts them on purpose (`looseObject`, `catchall`); only names outside both cases
 * deserve a warning.
 */
export function knownKeys(
  schema: unknown,
  path: readonly (string | number)[],
): { keys: string[]; strict: boolean; open: boolean } {
  const found = { keys: new Set<string>(), strict: false, open: false }
  collect(schema, path, found)
  return { keys: [...found.keys], strict: found.strict, open: found.open }
}

function collect(
  schema: unknown,
  path: readonly (string | number)[],
  found: { keys: Set<string>; strict: boolean; open: boolean },
): void {
  const def = definitionOf(schema)
  if (!def) return
  const [head, ...rest] = path
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {}
      if (head === undefined) {
        for (const key of Object.keys(shape)) found.keys.add(key)
        const catchall = definitionOf(def.catchall)?.type
        if (catchall === 'never') found.strict = true
        else if (catchall !== undefined) found.open = true
      } else if (typeof head === 'string' && Object.hasOwn(shape, head)) {
        collect(shape[head], rest, found)
      }
      return
    }
    case 'array':
      if (typeof head === 'number') collect(def.element, rest, found)
      return
    case 'union':
      for (const option of def.options ?? []) collect(option, path, found)
      return
    case 'intersection':
      collect(def.left, path, found)
      collect(def.right, path, found)
      return
    case 'pipe':
      collect(def.in, path, found)
      return
    case 'lazy':
      collect(def.getter?.(), path, found)
      return
    default:
      if (def.innerType) collect(def.innerType, path, found)
  }
}
