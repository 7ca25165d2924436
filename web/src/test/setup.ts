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
})
