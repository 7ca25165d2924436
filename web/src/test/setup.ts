import { afterEach, beforeEach } from 'vitest'

const browserLike = typeof window !== 'undefined'

// jsdom has neither media queries nor modal dialogs; these stand-ins behave like a light-mode browser.
beforeEach(() => {
  if (!browserLike) return
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open')
  }
})

afterEach(async () => {
  if (!browserLike) return
  const { cleanup } = await import('@testing-library/react')
  cleanup()
  localStorage.clear()
  // Files share a worker's document and globals (isolate: false in vite.config.ts): what a
  // test leaves on them goes, so a CSRF cookie one file fakes does not start a session
  // restore in the next, nor does an Arabic page's dir="rtl" turn the next file's arrow keys.
  Reflect.deleteProperty(document, 'cookie')
  Reflect.deleteProperty(navigator, 'credentials')
  for (const name of document.documentElement.getAttributeNames()) document.documentElement.removeAttribute(name)
})
