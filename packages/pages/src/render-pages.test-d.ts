import type { SanitizedHtml } from '@dawnpress/core'
import { describe, expectTypeOf, it } from 'vitest'
import { renderPages } from './render-pages.ts'
import type { Site, SiteArticle } from './types.ts'

declare const article: SiteArticle
declare const site: Site

describe('renderPages', () => {
  it('takes only article HTML that core sanitised, as its type says', () => {
    expectTypeOf(article.html).toEqualTypeOf<SanitizedHtml>()
    renderPages([article], site)
    // @ts-expect-error a plain string is not known to be safe, so no page takes it
    renderPages([{ ...article, html: '<img src=x onerror=alert(1)>' }], site)
  })
})
