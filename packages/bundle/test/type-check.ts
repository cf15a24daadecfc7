import { join } from 'node:path'
import ts from 'typescript'

/** A compiler diagnostic, reduced to what a test asserts on. */
export interface Diagnostic {
  file: string | undefined
  line: number | undefined
  code: number
  message: string
}

/**
 * Type-checks `files` (relative to `dir`) the way a consumer project would: strict,
 * NodeNext resolution, no emit. Returns every diagnostic.
 */
export function typeCheck(dir: string, files: readonly string[]): Diagnostic[] {
  const program = ts.createProgram(
    files.map((file) => join(dir, file)),
    {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: false,
      types: [],
      lib: ['lib.es2022.d.ts'],
    },
  )
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const position =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
        : undefined
    return {
      file: diagnostic.file?.fileName.slice(dir.length + 1),
      line: position === undefined ? undefined : position.line + 1,
      code: diagnostic.code,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    }
  })
}
