import { type Browser, chromium } from 'playwright-core'

/**
 * Debian's Chromium (or the binary in CHROMIUM_PATH), headless, with nothing that reaches
 * the network on its own. playwright-core never downloads a browser.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  })
}
