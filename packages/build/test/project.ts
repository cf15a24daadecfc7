import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Build, type CreateBuildOptions, createBuild } from '../src/create-build.ts'

/** The repository's own content folder: the seed article and Dawn's site.json. */
export const REPO_CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url))

/** A publication in a temporary folder, and the engine over it. */
export interface Project {
  root: string
  /** Writes a file below the root (folders are made). */
  write(path: string, contents: string | Uint8Array): void
  read(path: string): string
  remove(path: string): void
  /** A new engine over the project; a new one is a new process, as far as caches go. */
  open(options?: Omit<CreateBuildOptions, 'root'>): Promise<Build>
  /** Removes the folder. */
  dispose(): void
}

/**
 * A project with `content/site.json` (Dawn's, unless given) and the given articles in
 * `content/articles/`, in a new temporary folder.
 */
export function createProject(
  articles: Record<string, string> = {},
  options: { site?: string; seed?: boolean } = {},
): Project {
  const root = mkdtempSync(join(tmpdir(), 'dawnpress-project-'))
  const write = (path: string, contents: string | Uint8Array) => {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), contents)
  }
  if (options.seed) cpSync(REPO_CONTENT, join(root, 'content'), { recursive: true })
  write('content/site.json', options.site ?? readFileSync(join(REPO_CONTENT, 'site.json'), 'utf8'))
  // Dawn's site.json names its logo beside it (and so do sites made from it).
  write('content/logo.svg', readFileSync(join(REPO_CONTENT, 'logo.svg')))
  mkdirSync(join(root, 'content/articles'), { recursive: true })
  for (const [name, text] of Object.entries(articles)) write(`content/articles/${name}`, text)
  const builds: Build[] = []
  return {
    root,
    write,
    read: (path) => readFileSync(join(root, path), 'utf8'),
    remove: (path) => rmSync(join(root, path), { recursive: true, force: true }),
    async open(buildOptions = {}) {
      const build = await createBuild({ ...buildOptions, root })
      builds.push(build)
      return build
    },
    dispose() {
      for (const build of builds) void build.dispose()
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** An article with the fields most tests need. */
export function article(
  title: string,
  date: string,
  tags: string[] = ['notes'],
  body = '',
): string {
  return `---\ntitle: ${title}\ndescription: About ${title}.\ndate: ${date}\ntags: [${tags.join(', ')}]\n---\n\n## ${title}\n\nA paragraph about ${title}, with [a link](/articles/first/).\n${body}`
}

/** Every file below `dir` with its bytes, keyed by relative path. */
export function readTree(dir: string): Map<string, Buffer> {
  const tree = new Map<string, Buffer>()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    tree.set(path.slice(dir.length + 1), readFileSync(path))
  }
  return tree
}

/** The paths that differ between two trees, for a readable failure. */
export function diffTrees(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()])
  return [...paths].filter((path) => !a.get(path)?.equals(b.get(path) ?? Buffer.alloc(0))).sort()
}

/** Width and height from a PNG's header, after checking its signature. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = bytes.subarray(0, 8).toString('hex')
  if (signature !== '89504e470d0a1a0a') throw new Error(`Not a PNG: ${signature}`)
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}
