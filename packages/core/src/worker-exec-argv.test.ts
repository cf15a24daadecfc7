import { describe, expect, it } from 'vitest'
import { workerExecArgv } from './worker-exec-argv.ts'

describe('workerExecArgv', () => {
  it("lets a worker inherit the process's flags, V8's included", () => {
    expect(workerExecArgv(['--max-old-space-size=4096', '--conditions=development'])).toBe(
      undefined,
    )
    expect(workerExecArgv([])).toBe(undefined)
  })

  it('drops --input-type, which is for the main script', () => {
    expect(workerExecArgv(['--input-type=module', '--conditions=development'])).toEqual([
      '--conditions=development',
    ])
  })
})
