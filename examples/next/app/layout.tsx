import { site } from '@content'
import type { Metadata } from 'next'
import type { ReactNode } from 'react'

export const metadata: Metadata = {
  // Makes the cards' paths absolute in og:image, as link previews need.
  metadataBase: new URL(site.url),
  title: { default: site.title, template: `%s · ${site.title}` },
  description: site.description,
}

const styles = `
  body { font-family: Georgia, 'Times New Roman', serif; line-height: 1.6; }
  main { max-width: 42rem; margin: 3rem auto; padding: 0 1rem; }
  .lede { font-size: 1.2rem; }
  .byline { color: GrayText; font-size: 0.9rem; }
  .articles { list-style: none; padding: 0; }
`

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={site.language}>
      <body>
        <style>{styles}</style>
        <main>{children}</main>
      </body>
    </html>
  )
}
