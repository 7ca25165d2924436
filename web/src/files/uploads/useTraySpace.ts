import { useEffect, type RefObject } from 'react'

/** Room left between the end of the page and the tray, so the last line does not touch it. */
const GAP_PX = 12

/**
 * Keeps the end of every page clear of a tray fixed to the bottom of the window: while it is
 * shown, the body is padded by the tray's height and distance from the window's bottom
 * (`--tray-space`, index.css), and scrolling something into view (keyboard focus,
 * scrollIntoView) stops above the tray. So a page's last button can always be scrolled
 * free of it, at any window size.
 */
export function useTraySpace(tray: RefObject<HTMLElement | null>, shown: boolean) {
  useEffect(() => {
    const element = tray.current
    if (!shown || !element) return
    const root = document.documentElement
    const reserve = () => {
      const space = Math.max(0, Math.ceil(window.innerHeight - element.getBoundingClientRect().top) + GAP_PX)
      root.style.setProperty('--tray-space', `${space}px`)
    }
    reserve()
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(reserve)
    observer?.observe(element)
    window.addEventListener('resize', reserve)
    return () => {
      observer?.disconnect()
      window.removeEventListener('resize', reserve)
      root.style.removeProperty('--tray-space')
    }
  }, [tray, shown])
}
