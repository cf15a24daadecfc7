import { basename, dirname, resolve } from 'node:path'
import { type FSWatcher, watch } from 'chokidar'

/** A running watcher. */
export interface Watcher {
  /** Resolves once every target is being watched: changes from then on are seen. */
  readonly ready: Promise<void>
  /** Stops watching; resolves once every file watch is closed. */
  close(): Promise<void>
}

/** What to watch: folders whole, and single files. */
export interface WatchTargets {
  folders: readonly string[]
  files: readonly string[]
}

/**
 * Calls `onChange` with the changed paths, `debounce` ms after the last of a burst of file
 * events. Watches with chokidar, which follows a file through every way editors save it (in
 * place, or by writing a new file and renaming it over the old one, as vim, JetBrains' safe
 * write, `sed -i` and `git checkout` do): a file whose inode changed is still seen. Single
 * files are watched through their folder, so that one that is replaced by a rename, or
 * deleted and created again, stays watched. Hidden files and folders are left out.
 */
export function watchFiles(
  targets: WatchTargets,
  onChange: (paths: string[]) => void,
  options: { debounce?: number; onError?: (error: Error) => void } = {},
): Watcher {
  const changed = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  const record = (path: string) => {
    changed.add(resolve(path))
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      const paths = [...changed].sort()
      changed.clear()
      onChange(paths)
    }, options.debounce ?? 40)
  }
  const common = { ignoreInitial: true, atomic: true, persistent: true } as const
  const watchers: FSWatcher[] = []
  if (targets.folders.length > 0) {
    const folders = watch([...targets.folders], { ...common, ignored: isHidden })
    folders.on('all', (_event, path) => record(path))
    watchers.push(folders)
  }
  const files = new Set(targets.files.map((file) => resolve(file)))
  if (files.size > 0) {
    const parents = [...new Set([...files].map((file) => dirname(file)))]
    const single = watch(parents, { ...common, depth: 0 })
    single.on('all', (_event, path) => {
      if (files.has(resolve(path))) record(path)
    })
    watchers.push(single)
  }
  for (const watcher of watchers) {
    watcher.on('error', (error) => options.onError?.(error as Error))
  }
  const ready = Promise.all(
    watchers.map((watcher) => new Promise<void>((done) => watcher.once('ready', () => done()))),
  ).then(() => {})
  return {
    ready,
    async close() {
      clearTimeout(timer)
      await Promise.all(watchers.map((watcher) => watcher.close()))
    },
  }
}

/** Hidden files and folders (`.obsidian/`, an editor's `.swp`) are not content. */
function isHidden(path: string): boolean {
  return basename(path).startsWith('.')
}
