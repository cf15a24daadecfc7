import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Measurement } from './measure.ts'
import { createContentCollections, createDawnpressBuild, createHugo } from './tools.ts'

const context = {
  benchRoot: '/repo/packages/bench',
  corpusDir: '/data/corpus',
  workDir: '/tmp/work',
}

function result(stdout: string, exitCode = 0): Measurement {
  return { seconds: 1, peakRssMb: 1, cpuSeconds: 1, load: undefined, exitCode, stdout, stderr: '' }
}

describe('the tools', () => {
  it("keeps content-collections' compiled config under node_modules whatever --work says (regression: with --work /tmp it could not import its own package)", () => {
    const tool = createContentCollections(context)
    const cache = tool.command.args[3] as string
    expect(cache.startsWith(join(context.benchRoot, 'node_modules', '.cache'))).toBe(true)
    expect(tool.command.args[2]).toBe(join(context.workDir, 'content-collections', 'generated'))
  })

  it('runs dawnpress build with --timings, its own cache and output, and the skip list', () => {
    const tool = createDawnpressBuild(context, {
      name: 'core',
      skip: 'cards,pages',
      description: 'd',
    })
    const args = tool.command.args
    expect(args.slice(1, 4)).toEqual(['build', '--content', context.corpusDir])
    expect(args).toContain('--timings')
    expect(args[args.indexOf('--skip') + 1]).toBe('cards,pages')
    expect(args[args.indexOf('--cache') + 1]).toBe(join(context.workDir, 'core', 'cache'))
    expect(tool.command.cwd).toBe(join(context.workDir, 'core'))
  })

  it('accepts a build of every article or of nothing changed, and rejects any other', async () => {
    const tool = createDawnpressBuild(context, { name: 'core', skip: 'cards', description: 'd' })
    await expect(
      tool.verify(result('Built 10 articles into out in 1.00 s.'), 10),
    ).resolves.toBeUndefined()
    await expect(
      tool.verify(result('Nothing changed since the last build.'), 10),
    ).resolves.toBeUndefined()
    await expect(tool.verify(result('Built 9 articles into out in 1.00 s.'), 10)).rejects.toThrow(
      /built 9 of 10/,
    )
    await expect(tool.verify(result('', 1), 10)).rejects.toThrow(/exit code 1/)
  })

  it("gives Hugo the corpus, an output and a cache of its own, and keeps its resources out of the templates' folder", () => {
    const tool = createHugo(context, '/usr/bin/hugo')
    const args = tool.command.args
    expect(args[args.indexOf('--source') + 1]).toBe(join(context.benchRoot, 'peers', 'hugo'))
    expect(args[args.indexOf('--contentDir') + 1]).toBe(context.corpusDir)
    expect(args[args.indexOf('--destination') + 1]).toBe(join(context.workDir, 'hugo', 'public'))
    expect(tool.command.env?.HUGO_RESOURCEDIR).toBe(join(context.workDir, 'hugo', 'resources'))
  })
})
