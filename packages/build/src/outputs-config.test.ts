import { isProblemError } from '@dawnpress/core'
import { describe, expect, it } from 'vitest'
import type { DawnpressConfig } from './config.ts'
import { type ConfigOverrides, resolveConfig } from './resolve-config.ts'

const resolve = (config: DawnpressConfig, overrides: ConfigOverrides = {}) =>
  resolveConfig(config, { root: '/project', overrides }).outputs

function problemOf(config: DawnpressConfig): { code: string; path: unknown; message: string } {
  try {
    resolve(config)
  } catch (error) {
    if (isProblemError(error) && error.problems[0]) return error.problems[0]
    throw error
  }
  throw new Error('The config was accepted.')
}

describe('outputs.search and outputs.icons', () => {
  it('are on by default, with the pages', () => {
    expect(resolve({})).toMatchObject({ pages: { pageSize: 10 }, search: true, icons: true })
  })

  it('follow the pages off, from the config or the command line', () => {
    expect(resolve({ outputs: { pages: false } })).toMatchObject({ search: false, icons: false })
    expect(resolve({}, { skip: ['pages'] })).toMatchObject({ search: false, icons: false })
  })

  it('turn off alone, from the config or with --skip', () => {
    expect(resolve({ outputs: { search: false } })).toMatchObject({
      pages: { pageSize: 10 },
      search: false,
      icons: true,
    })
    expect(resolve({}, { skip: ['icons'] })).toMatchObject({
      pages: { pageSize: 10 },
      search: true,
      icons: false,
    })
  })

  it('stay as configured with only the pages asked for', () => {
    expect(resolve({ outputs: { search: false } }, { only: ['pages'] })).toMatchObject({
      search: false,
      icons: true,
    })
    expect(resolve({}, { only: ['package'] })).toMatchObject({
      pages: false,
      search: false,
      icons: false,
    })
  })

  it('rejects search or icons turned on without the pages', () => {
    const problem = problemOf({ outputs: { pages: false, search: true } })
    expect(problem).toMatchObject({ code: 'CONFIG_INVALID', path: ['outputs', 'search'] })
    expect(problem.message).toContain('"outputs.pages" is off')
    expect(problemOf({ outputs: { pages: false, icons: true } }).path).toEqual(['outputs', 'icons'])
  })

  it('rejects a value that is not a boolean, naming the option', () => {
    const problem = problemOf({ outputs: { search: 'yes' as unknown as boolean } })
    expect(problem).toMatchObject({ code: 'CONFIG_INVALID', path: ['outputs', 'search'] })
  })
})
