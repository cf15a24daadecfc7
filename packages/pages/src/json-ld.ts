import { absoluteUrl, articlePath, CARD_IMAGE, cardPath } from '@dawnpress/core'
import type { Site, SiteArticle } from './types.ts'

/**
 * Serialises structured data for a `<script type="application/ld+json">` element. `<`, `>`
 * and `&` become JSON escapes so that no value (a title holding `</script>`) can end the
 * element early; U+2028 and U+2029 are escaped for old JavaScript parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** schema.org `Article` data for an article page, as search engines read it. */
export function articleJsonLd(article: SiteArticle, site: Site): Record<string, unknown> {
  const url = absoluteUrl(site.url, articlePath(article.slug))
  const authors = article.authors.length > 0 ? article.authors : [site.author]
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: article.title,
    description: article.description,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    image: {
      '@type': 'ImageObject',
      url: absoluteUrl(site.url, cardPath(article.slug)),
      width: CARD_IMAGE.width,
      height: CARD_IMAGE.height,
    },
    ...(article.date && { datePublished: article.date }),
    ...((article.updated ?? article.date) && { dateModified: article.updated ?? article.date }),
    author: authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      ...(author.url && { url: author.url }),
    })),
    publisher: { '@type': 'Organization', name: site.title, url: absoluteUrl(site.url, '/') },
    inLanguage: article.lang ?? site.language,
    ...(article.tags.length > 0 && { keywords: article.tags.join(', ') }),
    wordCount: article.readingTime.words + article.readingTime.cjkCharacters,
  }
}
