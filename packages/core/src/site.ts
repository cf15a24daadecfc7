import { readFile } from 'node:fs/promises'
import { describeIssues } from './issues.ts'
import { describeValue, formatFieldPath, type Problem } from './problems.ts'
import { type Site, siteSchema } from './schema.ts'
import { readYamlDocument, type SourcePosition } from './yaml.ts'

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
  const problem = (at: SourcePosition, path: (string | number)[], message: string, hint: string) =>
    ({ file, ...at, path, code: 'SITE_CONFIG', severity: 'error', message, hint }) as Problem
  const problems = document.errors.map((error) =>
    problem(error.position, [], `The site config is not valid JSON: ${error.message}`, error.hint),
  )
  if (problems.length > 0) return { site: undefined, problems }
  const data = document.data
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const message = `The site config must be a JSON object of settings, but it is ${describeValue(data)}.`
    const hint = 'Write it as { "title": …, "description": …, "url": …, "author": { "name": … } }.'
    return { site: undefined, problems: [problem({ line: 1, column: 1 }, [], message, hint)] }
  }

  const result = siteSchema.safeParse({ ...data, ...overrides }, { reportInput: true })
  if (result.success) return { site: result.data, problems }
  // Each setting's problem keeps its field path and its own code, as an article's would.
  for (const issue of describeIssues(result.error.issues, siteSchema, data, 'the site schema')) {
    const message = issue.message.replace(/^The field/, 'The setting')
    const name = String(issue.path.at(-1))
    const hint =
      issue.code === 'FIELD_REQUIRED'
        ? `Add "${name}": … to ${formatFieldPath(issue.path.slice(0, -1)) || file}.`
        : issue.hint
    problems.push({
      ...problem(document.locate(issue.path, issue.part), issue.path, message, hint),
      code: issue.code === 'SLUG_INVALID' ? 'FIELD_INVALID' : issue.code,
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
