/** Chart colours per theme; SVG takes them as attributes, so they cannot come from Tailwind classes. */
export interface Palette {
  uploads: string
  downloads: string
  failed: string
  spike: string
  storage: string
  storageHigh: string
  storageFull: string
  grid: string
  tick: string
  cursor: string
}

const LIGHT: Palette = {
  uploads: 'oklch(0.532 0.17 260)',
  downloads: 'oklch(0.596 0.145 163.225)',
  failed: 'oklch(0.769 0.188 70.08)',
  spike: 'oklch(0.577 0.245 27.325)',
  storage: 'oklch(0.613 0.165 259)',
  storageHigh: 'oklch(0.666 0.179 58.318)',
  storageFull: 'oklch(0.577 0.245 27.325)',
  grid: 'oklch(0.92 0.004 286.32)',
  tick: 'oklch(0.552 0.016 285.938)',
  cursor: 'oklch(0.967 0.001 286.375)',
}

const DARK: Palette = {
  uploads: 'oklch(0.708 0.14 258)',
  downloads: 'oklch(0.765 0.177 163.223)',
  failed: 'oklch(0.828 0.189 84.429)',
  spike: 'oklch(0.704 0.191 22.216)',
  storage: 'oklch(0.708 0.14 258)',
  storageHigh: 'oklch(0.828 0.189 84.429)',
  storageFull: 'oklch(0.704 0.191 22.216)',
  grid: 'oklch(0.274 0.006 286.033)',
  tick: 'oklch(0.705 0.015 286.067)',
  cursor: 'oklch(0.21 0.006 285.885)',
}

export const palette = (dark: boolean): Palette => (dark ? DARK : LIGHT)
