/**
 * The article body's part of the stylesheet: the serif column, headings down to `h6`, lists,
 * quotes, tables and code that scroll in their own box, highlighted code in both schemes,
 * alerts, task lists and footnotes. Sides are logical, so a right-to-left body mirrors.
 */
export const PROSE_STYLESHEET = `.prose {
  max-width: var(--measure);
  font-family: var(--serif);
  font-size: 1.15rem;
  line-height: 1.75;
}
.prose > :first-child { margin-top: 0; }
.prose h1, .prose h2, .prose h3, .prose h4, .prose h5, .prose h6 {
  font-family: var(--sans);
  line-height: 1.25;
  letter-spacing: -0.01em;
  margin: 2.2em 0 0.6em;
  scroll-margin-top: 1.5rem;
}
.prose h2 { font-size: 1.6rem; }
.prose h3 { font-size: 1.3rem; }
.prose h4 { font-size: 1.1rem; }
.prose h5 { font-size: 1rem; }
.prose h6 { font-size: 0.95rem; color: var(--muted); }
.prose p, .prose ul, .prose ol, .prose blockquote, .prose pre, .prose table, .prose figure { margin: 0 0 1.3em; }
.prose ul, .prose ol { padding-inline-start: 1.4em; }
.prose li { margin: 0.4em 0; }
.prose li::marker { color: var(--accent); }
.prose strong { font-weight: 700; }
.prose blockquote {
  margin-inline: 0;
  padding-block: 0.2em;
  padding-inline: 1.2em 0;
  border-inline-start: 3px solid var(--accent);
  color: var(--muted);
  font-style: italic;
}
.prose code {
  font-family: var(--mono);
  font-size: 0.85em;
  padding: 0.12em 0.35em;
  border-radius: 0.3em;
  background: var(--code-bg);
  border: 1px solid var(--border);
}
.prose pre {
  overflow-x: auto;
  overflow-wrap: normal;
  padding: 1rem 1.2rem;
  border-radius: var(--radius);
  background: var(--code-bg);
  border: 1px solid var(--border);
  font-size: 0.9rem;
  line-height: 1.55;
}
.prose pre code { padding: 0; border: 0; background: none; font-size: inherit; }
.prose img, .prose video, .prose iframe { max-width: 100%; height: auto; border-radius: 0.5rem; }
.prose hr { border: 0; border-block-start: 1px solid var(--border); margin: 2.5em 0; }
/* A wide table scrolls in its own box; its cells keep their words whole. */
.prose table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; font-family: var(--sans); font-size: 0.95rem; }
.prose th, .prose td { padding: 0.5em 0.8em; border: 1px solid var(--border); text-align: start; overflow-wrap: normal; }
/* GFM's left and right are the start and end of a line, so an RTL table mirrors whole. */
.prose th[align="left"], .prose td[align="left"] { text-align: start; }
.prose th[align="center"], .prose td[align="center"] { text-align: center; }
.prose th[align="right"], .prose td[align="right"] { text-align: end; }
.prose .katex-display { overflow-x: auto; overflow-y: hidden; }
.prose th { background: var(--surface); }

/* Code blocks: core writes both themes' colours as variables; the scheme picks one. Code
   reads left to right on every page. */
.prose .code-block { position: relative; margin: 0 0 1.3em; direction: ltr; }
.prose pre { direction: ltr; text-align: left; }
.prose .code-block pre { margin: 0; }
.prose .code-block__language {
  position: absolute;
  top: 0;
  inset-inline-start: 1.2rem;
  transform: translateY(-50%);
  padding: 0 0.5em;
  border: 1px solid var(--border);
  border-radius: 0.4em;
  background: var(--bg);
  color: var(--muted);
  font: 600 0.72rem/1.6 var(--sans);
  letter-spacing: 0.03em;
}
.prose .code-block:has(.code-block__language) pre { padding-top: 1.35rem; }
.prose .shiki { color: var(--shiki-light); background-color: var(--shiki-light-bg); }
.prose .shiki span {
  color: var(--shiki-light);
  font-style: var(--shiki-light-font-style);
  font-weight: var(--shiki-light-font-weight);
  text-decoration: var(--shiki-light-text-decoration);
}
@media (prefers-color-scheme: dark) {
  .prose .shiki { color: var(--shiki-dark); background-color: var(--shiki-dark-bg); }
  .prose .shiki span {
    color: var(--shiki-dark);
    font-style: var(--shiki-dark-font-style);
    font-weight: var(--shiki-dark-font-weight);
    text-decoration: var(--shiki-dark-text-decoration);
  }
}
.prose .code-block__copy {
  position: absolute;
  top: 0.5rem;
  inset-inline-end: 0.5rem;
  padding: 0.2em 0.7em;
  border: 1px solid var(--border);
  border-radius: 0.4em;
  background: var(--bg);
  color: var(--muted);
  font: 600 0.75rem/1.6 var(--sans);
  cursor: pointer;
  opacity: 0.85;
}
.prose .code-block__copy:hover, .prose .code-block__copy:focus-visible { opacity: 1; color: var(--text); }

/* GitHub alerts: a coloured rule and a title, in both schemes. */
.prose .markdown-alert {
  --alert: #0969da;
  margin: 0 0 1.3em;
  padding: 0.6em 1.1em;
  border-inline-start: 4px solid var(--alert);
  border-radius: var(--radius);
  border-start-start-radius: 0;
  border-end-start-radius: 0;
  background: color-mix(in srgb, var(--alert) 7%, transparent);
}
.prose .markdown-alert > :last-child { margin-bottom: 0; }
.prose .markdown-alert-title { margin: 0 0 0.4em; color: var(--alert); font: 700 0.95rem/1.5 var(--sans); }
.prose .markdown-alert-title::before { content: var(--alert-icon); margin-inline-end: 0.45em; }
.prose .markdown-alert-note { --alert: #0969da; --alert-icon: "ℹ"; }
.prose .markdown-alert-tip { --alert: #1a7f37; --alert-icon: "✓"; }
.prose .markdown-alert-important { --alert: #8250df; --alert-icon: "❢"; }
.prose .markdown-alert-warning { --alert: #9a6700; --alert-icon: "⚠"; }
.prose .markdown-alert-caution { --alert: #cf222e; --alert-icon: "⛔"; }
@media (prefers-color-scheme: dark) {
  .prose .markdown-alert-note { --alert: #4493f8; }
  .prose .markdown-alert-tip { --alert: #3fb950; }
  .prose .markdown-alert-important { --alert: #ab7df8; }
  .prose .markdown-alert-warning { --alert: #d29922; }
  .prose .markdown-alert-caution { --alert: #f85149; }
}

/* Task lists: the checkbox stands where the bullet was, and the bullet goes. */
.prose li:has(> input[type="checkbox"]:first-child),
.prose li:has(> p:first-child > input[type="checkbox"]:first-child) { list-style: none; }
.prose li:has(> input[type="checkbox"]:first-child)::marker,
.prose li:has(> p:first-child > input[type="checkbox"]:first-child)::marker { content: none; }
.prose li > input[type="checkbox"]:first-child,
.prose li > p:first-child > input[type="checkbox"]:first-child {
  margin-block: 0;
  margin-inline: -1.35em 0.45em;
  accent-color: var(--accent);
  vertical-align: -0.1em;
}

/* Footnotes: below a rule, smaller; the "Footnotes" heading is for screen readers. */
.prose .footnotes {
  margin-block-start: 3em;
  padding-block-start: 1em;
  border-block-start: 1px solid var(--border);
  font-size: 0.92rem;
  color: var(--muted);
}
.prose .footnotes ol { padding-inline-start: 1.4em; }
.prose .footnotes li:target { background: var(--accent-soft); border-radius: 0.3em; }
.prose .data-footnote-backref { text-decoration: none; font-family: var(--sans); }
.prose sup > a[aria-describedby="footnote-label"] { text-decoration: none; padding: 0 0.1em; }
`
