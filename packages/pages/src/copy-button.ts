import { raw, type SafeHtml } from './html.ts'

/**
 * Adds a "Copy" button to each of an article's code blocks. The page works without it: the
 * code is highlighted in the HTML and reads and selects as text, so the button is only made
 * where a script runs and the clipboard can be written (a secure page), never shown dead.
 * `aria-live` tells a screen reader that the code was copied.
 */
const SCRIPT = `<script>
(() => {
  if (!navigator.clipboard) return
  for (const block of document.querySelectorAll('.prose .code-block')) {
    const code = block.querySelector('code')
    if (!code) continue
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'code-block__copy'
    button.textContent = 'Copy'
    button.setAttribute('aria-live', 'polite')
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(code.textContent).then(
        () => { button.textContent = 'Copied' },
        () => { button.textContent = 'Select and copy' },
      )
      setTimeout(() => { button.textContent = 'Copy' }, 2000)
    })
    block.append(button)
  }
})()
</script>`

/** The copy buttons' script for an article body that has code blocks, else nothing. */
export function copyButtonScript(body: string): SafeHtml {
  return raw(body.includes('<figure class="code-block">') ? SCRIPT : '')
}
