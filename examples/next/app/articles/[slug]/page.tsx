import { articles, getArticle, hasArticle, loadArticle, site } from '@content'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

interface Props {
  params: Promise<{ slug: string }>
}

// Every note is a static page; any other slug is a 404.
export const dynamicParams = false

export function generateStaticParams() {
  return articles.map((article) => ({ slug: article.slug }))
}

/** The card dawnpress draws for each article, where `cards: true` puts it in public/. */
const cardPath = (slug: string) => `/dawnpress/og/${encodeURIComponent(slug)}.png`

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  if (!hasArticle(slug)) return {}
  const { title, description } = getArticle(slug)
  return {
    title,
    description,
    openGraph: {
      type: 'article',
      title,
      description,
      images: [{ url: cardPath(slug), width: 1200, height: 630 }],
    },
    twitter: { card: 'summary_large_image' },
  }
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params
  if (!hasArticle(slug)) notFound()
  // The body comes from its own module of the content package.
  const article = await loadArticle(slug)
  return (
    <article>
      <p>
        <Link href="/">← {site.title}</Link>
      </p>
      <h1>{article.title}</h1>
      <p className="lede">{article.description}</p>
      <p className="byline">
        <time dateTime={article.date}>{article.date?.slice(0, 10)}</time> ·{' '}
        {article.readingTime.minutes} min read
      </p>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: dawnpress sanitised it (no scripts, handlers or javascript: links). */}
      <div className="body" dangerouslySetInnerHTML={{ __html: article.html }} />
    </article>
  )
}
