import type { z } from 'zod'
import { languageTagHint } from './language.ts'
import type { ProblemCode, Severity } from './problems.ts'
import { describeValue, formatFieldPath } from './problems.ts'
import { slugify } from './slug.ts'
import { closestName, knownKeys } from './suggest.ts'

/** A schema issue turned into words, before it is tied to a file position. */
export interface FieldReport {
  code: ProblemCode
  severity: Severity
  path: (string | number)[]
  /** Whether the problem is best shown at the field's key or at its value. */
  part: 'key' | 'value'
  message: string
  hint: string
}

type Issue = z.core.$ZodIssue

/**
 * Explains zod's issues for frontmatter in plain words: what is wrong with which field, and
 * what to write instead. `data` is the frontmatter as read, used to spot near-miss names.
 */
export function describeIssues(
  issues: readonly Issue[],
  schema: unknown,
  data: unknown,
  subject = 'the article schema',
): FieldReport[] {
  const reports: FieldReport[] = []
  for (const issue of issues) {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol')
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path).keys
      for (const key of issue.keys) {
        reports.push(describeUnknown([...path, key], known, 'error', subject))
      }
    } else {
      reports.push(describeIssue(issue, path, data))
    }
  }
  return reports
}

/** A field the schema does not know: a warning when zod strips it, an error when it rejects it. */
export function describeUnknown(
  path: (string | number)[],
  known: readonly string[],
  severity: Severity,
  subject = 'the article schema',
): FieldReport {
  const name = String(path.at(-1))
  const closest = closestName(name, known)
  const field = formatFieldPath(path)
  return {
    code: 'FIELD_UNKNOWN',
    severity,
    path,
    part: 'key',
    message:
      severity === 'warning'
        ? `The field "${field}" is not part of ${subject}, so it is ignored.`
        : `The field "${field}" is not allowed here: ${subject} does not know it.`,
    hint:
      severity === 'warning'
        ? closest
          ? `Did you mean "${closest}"? Rename it, or add "${name}" to the schema if you need it.`
          : `Remove it, or add it to the schema. Known fields: ${known.join(', ')}.`
        : closest
          ? `Did you mean "${closest}"? Rename it.`
          : `Remove it. Known fields here: ${known.join(', ')}.`,
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
  date: 'a date',
}

/** Hints for a field whose value has the right type but the wrong form. */
const FORM_HINTS: Record<string, (input: unknown) => string> = {
  date: () => 'Write the date as YYYY-MM-DD, such as 2025-01-15.',
  updated: () => 'Write the date as YYYY-MM-DD, such as 2025-01-15.',
  read_time: () => 'Write it as "N min read", such as "4 min read", or remove the line.',
  lang: languageTagHint,
  language: languageTagHint,
  slug: (input) => {
    const suggestion = typeof input === 'string' ? slugify(input) : ''
    return suggestion
      ? `Use lowercase letters, digits and hyphens only, such as "slug: ${suggestion}".`
      : 'Use lowercase letters, digits and hyphens only, such as "slug: my-article".'
  },
  redirect_from: (input) => {
    // An old URL or path, as other generators take it: its last segment is the slug.
    const last = typeof input === 'string' ? input.split('/').filter(Boolean).at(-1) : undefined
    const suggestion = last === undefined ? '' : slugify(last)
    return suggestion
      ? `List the old slug alone, as it was in the URL: such as "${suggestion}".`
      : 'List the old slug alone, as it was in the URL: such as "old-name".'
  },
}

function describeIssue(issue: Issue, path: (string | number)[], data: unknown): FieldReport {
  const name = formatFieldPath(path) || 'frontmatter'
  const field = String(path.at(-1) ?? name)
  const input = issue.input
  const report = (message: string, hint: string, part: 'key' | 'value' = 'value') => ({
    code: (path[0] === 'slug' ? 'SLUG_INVALID' : 'FIELD_INVALID') as ProblemCode,
    severity: 'error' as const,
    path,
    part,
    message,
    hint,
  })

  if (issue.code === 'invalid_type' && input === undefined) {
    const nearMiss = findNearMiss(field, path.slice(0, -1), data)
    return {
      ...report(
        `The field "${name}" is required but missing.`,
        nearMiss
          ? `Rename "${nearMiss}" to "${field}".`
          : `Add a line "${field}: …" to ${path.length > 1 ? formatFieldPath(path.slice(0, -1)) : 'the frontmatter'}.`,
        'key',
      ),
      code: 'FIELD_REQUIRED',
    }
  }
  if (issue.code === 'invalid_type') {
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected
    if (input === null) {
      return report(
        `The field "${name}" is empty, but it must be ${expected}.`,
        `Give "${field}" a value, or remove the line.`,
      )
    }
    return report(
      `The field "${name}" must be ${expected}, but it is ${describeValue(input)}.`,
      typeHint(issue.expected, input, field),
    )
  }
  const formHint = FORM_HINTS[String(path[0])]?.(input)
  if (issue.code === 'invalid_union' && issue.message === 'Invalid input') {
    const expected = issue.errors
      .map((errors) => errors[0])
      .map((first) => (first?.code === 'invalid_type' ? TYPE_NAMES[first.expected] : undefined))
    if (expected.every((type) => type !== undefined)) {
      return report(
        `The field "${name}" must be ${[...new Set(expected)].join(' or ')}, but it is ${describeValue(input)}.`,
        formHint ?? `Change the value of "${field}".`,
      )
    }
  }
  return report(
    `The field "${name}" is invalid: ${explain(issue)}`,
    formHint ?? `Change the value of "${field}" (now ${describeValue(input)}).`,
  )
}

/** zod's own message when the schema gave a custom one, else plain words for common checks. */
function explain(issue: Issue): string {
  const custom = !/^(?:Too (?:small|big)|Invalid)/.test(issue.message)
  if (custom) return lowerFirst(issue.message)
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum)
    const bound = issue.code === 'too_small' ? 'at least' : 'at most'
    if (issue.origin === 'string' && issue.code === 'too_small' && limit === 1) {
      return 'it must not be empty.'
    }
    const unit = issue.origin === 'array' ? 'item' : issue.origin === 'string' ? 'character' : ''
    const units = unit ? ` ${unit}${limit === 1 ? '' : 's'}` : ''
    return `it must have ${bound} ${limit}${units}.`
  }
  if (issue.code === 'invalid_format') {
    if (issue.format === 'email') return 'it is not an e-mail address.'
    if (issue.format === 'url') return 'it is not an absolute URL such as https://example.com/.'
    return `it does not have the expected form (${issue.format}).`
  }
  if (issue.code === 'invalid_value') {
    return `it must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}.`
  }
  return `${lowerFirst(issue.message)}.`
}

function typeHint(expected: string, input: unknown, field: string): string {
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
    const example = /^\d+$/.test(field) ? `"${input}"` : `${field}: "${input}"`
    return `Put the value in quotes, such as ${example}, so that YAML reads it as text.`
  }
  if (expected === 'array' && typeof input === 'string') {
    return `Write a list, such as ${field}: [${JSON.stringify(input)}], or one "- item" line per entry.`
  }
  if (expected === 'boolean') return `Write true or false, without quotes.`
  return `Change the value of "${field}".`
}

/** A key present beside a missing field that looks like a misspelling of it. */
function findNearMiss(field: string, parent: (string | number)[], data: unknown) {
  let node = data
  for (const key of parent) node = (node as Record<string | number, unknown> | null)?.[key]
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined
  const present = Object.keys(node).filter((key) => key !== field)
  return present.find((key) => closestName(key, [field]) === field)
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
