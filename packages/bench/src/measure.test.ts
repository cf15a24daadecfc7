import { describe, expect, it } from 'vitest'
import { measureCommand } from './measure.ts'
import { median } from './series.ts'

describe('measureCommand', () => {
  it('reports the peak memory of a process that holds 200 MB', async () => {
    const result = await measureCommand({
      command: process.execPath,
      args: ['-e', 'const b = Buffer.alloc(200e6, 1); setTimeout(() => console.log(b[5]), 200)'],
      cwd: process.cwd(),
    })
    expect(result.exitCode).toBe(0)
    expect(result.stdout.trim()).toBe('1')
    expect(result.peakRssMb).toBeGreaterThan(200)
    expect(result.peakRssMb).toBeLessThan(600)
    expect(result.seconds).toBeGreaterThan(0.2)
    // Filling 200 MB takes some CPU, but far less than the 200 ms spent waiting.
    expect(result.cpuSeconds).toBeGreaterThan(0)
    expect(result.cpuSeconds).toBeLessThan(result.seconds)
  })

  it('records the 1-minute load average before and after the run', async () => {
    const result = await measureCommand({
      command: process.execPath,
      args: ['-e', ''],
      cwd: process.cwd(),
    })
    if (process.platform !== 'linux') return
    expect(result.load?.before).toBeGreaterThanOrEqual(0)
    expect(result.load?.after).toBeGreaterThanOrEqual(0)
  })

  it('reports the exit code of a failing command', async () => {
    const result = await measureCommand({
      command: process.execPath,
      args: ['-e', 'process.exit(3)'],
      cwd: process.cwd(),
    })
    expect(result.exitCode).toBe(3)
  })
})

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})
