/** A goal of issue 16, for a ratio measured pair by pair or for dawnpress's own figure. */
export interface Target {
  /** What the goal is about: the row's paired ratio, or dawnpress's median figure. */
  on: 'ratio' | 'value'
  op: 'atLeast' | 'atMost' | 'below'
  value: number
  /** As the issue writes it, such as `≥ 10×` or `< 0.5 s`. */
  text: string
}

/** Whether a figure meets its target, and if not, by how much it misses. */
export interface Verdict {
  met: boolean
  /** `met`, or such as `missed: needs 1.67× more` or `missed: 1.20× over`. */
  text: string
}

/** Judges a figure against a target. */
export function judge(figure: number, target: Target): Verdict {
  const met =
    target.op === 'atLeast'
      ? figure >= target.value
      : target.op === 'atMost'
        ? figure <= target.value
        : figure < target.value
  if (met) return { met, text: 'met' }
  if (target.op === 'atLeast') {
    const short = figure <= 0 ? '∞' : (target.value / figure).toFixed(2)
    return { met, text: `missed: needs ${short}× more` }
  }
  return { met, text: `missed: ${(figure / target.value).toFixed(2)}× over` }
}

/** Card throughput before issue 16, on 2 workers: the issue asks for twice this. */
export const CARDS_PER_SECOND_BEFORE = 16.6

/** The targets of issue 16, "Speed to the limit", by row. */
export const TARGETS = {
  coldFaster: { on: 'ratio', op: 'atLeast', value: 10, text: '≥ 10× faster' },
  coldLeaner: { on: 'ratio', op: 'atLeast', value: 4, text: '≥ 4× less' },
  floor: { on: 'ratio', op: 'atMost', value: 2.5, text: '≤ 2.5× the floor' },
  siteFaster: { on: 'ratio', op: 'atLeast', value: 2, text: '≥ 2× faster' },
  warm: { on: 'value', op: 'below', value: 0.5, text: '< 0.5 s' },
  changed: { on: 'value', op: 'below', value: 1, text: '< 1 s' },
  bundle: { on: 'value', op: 'atMost', value: 5, text: '≤ 5 s' },
  cardsThroughput: {
    on: 'value',
    op: 'atLeast',
    value: 2 * CARDS_PER_SECOND_BEFORE,
    text: `≥ ${(2 * CARDS_PER_SECOND_BEFORE).toFixed(1)}/s (2× today's ${CARDS_PER_SECOND_BEFORE}/s)`,
  },
  cardsScaling: { on: 'ratio', op: 'atLeast', value: 1.8, text: '≥ 1.8× from the second core' },
  highlighting: { on: 'ratio', op: 'atMost', value: 1.3, text: '≤ 1.3×' },
  largePeak: { on: 'value', op: 'below', value: 1500, text: '< 1,500 MB' },
  largeGrowth: { on: 'ratio', op: 'atMost', value: 11, text: '≤ 11× (linear)' },
  check: { on: 'value', op: 'below', value: 10, text: '< 10 s' },
} as const satisfies Record<string, Target>
