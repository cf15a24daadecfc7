import { describe, expect, it } from 'vitest'
import { judge, TARGETS } from './targets.ts'

describe('judge', () => {
  it('meets an at-least target at the value, and says how far short a miss is', () => {
    expect(judge(10, TARGETS.coldFaster)).toEqual({ met: true, text: 'met' })
    expect(judge(6, TARGETS.coldFaster)).toEqual({ met: false, text: 'missed: needs 1.67× more' })
  })

  it('meets an at-most target at the value, and says how far over a miss is', () => {
    expect(judge(2.5, TARGETS.floor).met).toBe(true)
    expect(judge(4.1, TARGETS.floor)).toEqual({ met: false, text: 'missed: 1.64× over' })
  })

  it('misses a below target at the value itself', () => {
    expect(judge(0.49, TARGETS.warm).met).toBe(true)
    expect(judge(0.5, TARGETS.warm)).toEqual({ met: false, text: 'missed: 1.00× over' })
  })

  it("asks cards for twice today's 16.6 per second", () => {
    expect(TARGETS.cardsThroughput.value).toBeCloseTo(33.2)
  })
})
