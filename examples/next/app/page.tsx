import { articles, site } from '@content'
import Link from 'next/link'

export default function Home() {
  return (
    <>
      <h1>{site.title}</h1>
      <p className="lede">{site.description}</p>
      <ul className="articles">
        {articles.map((article) => (
          <li key={article.slug}>
            <Link href={`/articles/${article.slug}/`}>{article.title}</Link>
            <p>{article.description}</p>
          </li>
        ))}
      </ul>
    </>
  )
}
