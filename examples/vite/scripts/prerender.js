// Renders every page of the site into dist/ after `vite build`, from the server build of
// src/render.ts: the list at dist/index.html and each article at
// dist/articles/<slug>/index.html, each in the built index.html's shell.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = join(root, 'dist')
const template = await readFile(join(dist, 'index.html'), 'utf8')
const { listPaths, renderPage } = await import(join(root, 'dist-server/render.js'))

for (const path of listPaths()) {
  const page = await renderPage(path)
  // Functions as replacements: an article's text may hold `$&` or `$1`, which a string would expand.
  const html = template
    .replace('<!--app-head-->', () => page.head)
    .replace('<!--app-html-->', () => page.body)
  const file = join(dist, decodeURIComponent(path), 'index.html')
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, html)
}
await rm(join(root, 'dist-server'), { recursive: true, force: true })
console.log(`Prerendered ${listPaths().length} pages into dist/.`)
