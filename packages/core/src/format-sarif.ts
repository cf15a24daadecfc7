import { pathToFileURL } from 'node:url'
import type { Location, Log, ReportingDescriptor, Result } from 'sarif'
import { describeCode } from './catalogue.ts'
import { escapeControl } from './format-problems.ts'
import { formatFieldPath, type Problem, type ProblemCode } from './problems.ts'
import { type ReportPathOptions, reportPath } from './report-path.ts'

/** Options of `formatSarif`. */
export interface FormatSarifOptions extends ReportPathOptions {
  /** The version of the tool that found the problems, as the log names it. @default left out */
  toolVersion?: string
}

/** The schema that SARIF 2.1.0 logs name, as GitHub code scanning and editors know it. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

/** The base every relative path of a log is resolved against: the root the paths are below. */
const SOURCE_ROOT = '%SRCROOT%'

/**
 * Problems as a SARIF 2.1.0 log (JSON text), for code scanning: one run of the tool
 * `dawnpress`, one rule per problem code that occurs (its catalogue title and where it is
 * documented), and one result per problem at its file, line and column. Columns count
 * UTF-16 code units, as every position dawnpress reports does. Paths are made relative to
 * `root` (`%SRCROOT%`), or are `file:` URLs when outside it.
 *
 * The log holds no timestamps and no absolute paths of files below the root, so the same
 * problems give the same bytes on every machine.
 *
 * @example
 * await writeFile('dawnpress.sarif', formatSarif(result.problems, { toolVersion: '0.1.0' }))
 */
export function formatSarif(
  problems: readonly Problem[],
  options: FormatSarifOptions = {},
): string {
  const codes = [...new Set(problems.map((problem) => problem.code))].sort()
  const ruleIndex = new Map(codes.map((code, index) => [code, index]))
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dawnpress',
            ...(options.toolVersion === undefined ? {} : { version: options.toolVersion }),
            informationUri: 'https://github.com/dawnpress/dawnpress',
            rules: codes.map(toRule),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: problems.map((problem) =>
          toResult(problem, ruleIndex.get(problem.code) ?? 0, options),
        ),
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

function toRule(code: ProblemCode): ReportingDescriptor {
  const { title, docs } = describeCode(code)
  return { id: code, shortDescription: { text: title }, helpUri: docs }
}

function toResult(problem: Problem, index: number, options: ReportPathOptions): Result {
  const field = formatFieldPath(problem.path)
  return {
    ruleId: problem.code,
    ruleIndex: index,
    level: problem.severity === 'error' ? 'error' : 'warning',
    message: { text: `${escapeControl(problem.message)}\nhint: ${escapeControl(problem.hint)}` },
    locations: [toLocation(problem, options)],
    ...(field === '' ? {} : { properties: { field: escapeControl(field) } }),
  }
}

function toLocation(problem: Problem, options: ReportPathOptions): Location {
  const file = reportPath(problem.file, options)
  const artifactLocation = file.inside
    ? { uri: file.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT }
    : { uri: pathToFileURL(file.path).href }
  return {
    physicalLocation: {
      artifactLocation,
      region: { startLine: Math.max(1, problem.line), startColumn: Math.max(1, problem.column) },
    },
  }
}
