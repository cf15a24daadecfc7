/**
 * What a card needs to know about an article. Both `Article` and `ArticleMeta` from
 * `@dawnpress/core` satisfy it, and so does any object with these fields.
 */
export interface CardArticle {
  /** Names the card file: `og/<slug>.png`. */
  slug: string
  title: string
  /** May be empty: the default template then gives its space to the title. */
  description: string
  /** Publication date as an ISO 8601 string; the card shows no date without it. */
  date?: string | undefined
  readingTime: { minutes: number }
  /**
   * The author's own estimate, such as "10 min read"; shown instead of `readingTime` when it
   * is close to it (as `check` judges).
   */
  read_time?: string | undefined
  tags?: readonly string[] | undefined
  /** BCP 47 language of the article, when it differs from the site's. */
  lang?: string | undefined
  /**
   * The article's cover image as a `data:` URL of a PNG or JPEG, shown beside the text on
   * the default card (the build makes one, cropped to `COVER_PANEL`, from the frontmatter's
   * `image:`). Read nothing from disk or the network for it: pass the bytes.
   */
  cover?: string | undefined
}

/**
 * Copies only the fields the default template draws, so that a change anywhere else in the
 * article (its body, say) leaves the card and its cache key alone, and a worker is sent a
 * few hundred bytes rather than the rendered body.
 */
export function pickCardArticle(article: CardArticle): CardArticle {
  return {
    slug: article.slug,
    title: article.title,
    description: article.description,
    date: article.date,
    readingTime: { minutes: article.readingTime.minutes },
    read_time: article.read_time,
    tags: [...(article.tags ?? [])],
    lang: article.lang,
    ...(article.cover !== undefined && { cover: article.cover }),
  }
}
