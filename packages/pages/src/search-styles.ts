/**
 * The search box of the home page and the search page, in the palette of the stylesheet
 * (its custom properties), appended to `style.css`. Pagefind's own UI brings its stylesheet
 * from the written bundle; its variables are set here so that it wears the site's colours
 * in both schemes.
 */
export const SEARCH_STYLES = `
.search-form { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 1.25rem 0 0; max-width: 32rem; }
.search-form label { flex-basis: 100%; color: var(--muted); font-size: 0.9rem; }
.search-form input {
  flex: 1 1 12rem;
  min-width: 0;
  padding: 0.5rem 0.75rem;
  border: 1px solid var(--border);
  border-radius: var(--radius);
  background: var(--bg);
  color: var(--text);
  font: inherit;
}
.search-form input:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.search-form button {
  padding: 0.5rem 1rem;
  border: 1px solid var(--accent);
  border-radius: var(--radius);
  background: transparent;
  color: var(--accent-strong);
  font: inherit;
  cursor: pointer;
}
.search-form button:hover { background: var(--accent); color: var(--bg); }
.search-page { max-width: var(--measure); }
.search-page .notice { margin-top: 1.5rem; }
.search-languages { color: var(--muted); font-size: 0.9rem; }
.search-results {
  --pagefind-ui-primary: var(--accent-strong);
  --pagefind-ui-text: var(--text);
  --pagefind-ui-background: var(--bg);
  --pagefind-ui-border: var(--border);
  --pagefind-ui-tag: var(--border);
  --pagefind-ui-font: var(--sans);
  --pagefind-ui-border-radius: 0.5rem;
  margin-top: 1.5rem;
}
`
