import { readFile } from 'node:fs/promises'
import { readYamlDocument } from './frontmatter.ts'
import { type Problem, quote } from './problems.ts'
import { type Site, siteSchema } from './schema.ts'

/** The outcome of reading a site config: the settings when valid, and every problem. */
export interface SiteResult {
  site: Site | undefined
  problems: Problem[]
}

/**
 * Validates site settings given as JSON text (`content/site.json`). Every problem points at
 * its line and column. `overrides` (such as a base URL from `--site-url`) win over the file.
 */
export function parseSite(text: string, file: string, overrides: Partial<Site> = {}): SiteResult {
  const document = readYamlDocument(text)
  const problems: Problem[] = document.errors.map((error) => ({
    file,
    ...error.position,
    path: [],
    code: 'SITE_CONFIG',
    severity: 'error',
    message: `The site config is not valid JSON: ${error.message}`,
    hint: 'Fix the JSON at this position.',
  }))
  if (problems.length > 0) return { site: undefined, problems }

  const result = siteSchema.safeParse(
    { ...(document.data as object), ...overrides },
    {
      reportInput: true,
    },
  )
  if (result.success) return { site: result.data, problems }
  for (const issue of result.error.issues) {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol')
    const name = path.join('.') || 'site'
    problems.push({
      file,
      ...document.locate(path, issue.input === undefined ? 'key' : 'value'),
      path,
      code: 'SITE_CONFIG',
      severity: 'error',
      message: `The site setting "${name}" is invalid: ${issue.message}`,
      hint:
        issue.input === undefined
          ? `Add "${name}" to ${file}.`
          : `Change "${name}" (now ${quote(issue.input)}).`,
    })
  }
  return { site: undefined, problems }
}

/** Reads and validates a site config file; a missing file is a problem, not an exception. */
export async function loadSite(file: string, overrides: Partial<Site> = {}): Promise<SiteResult> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (cause) {
    return {
      site: undefined,
      problems: [
        {
          file,
          line: 1,
          column: 1,
          path: [],
          code: 'SITE_CONFIG',
          severity: 'error',
          message: 'The site config file could not be read.',
          hint: 'Create it with "title", "description", "url", "language" and "author".',
          cause,
        },
      ],
    }
  }
  return parseSite(text, file, overrides)
}
