import type { SVGProps } from 'react'

/** A small hand-picked icon set (24px grid, 1.75 stroke) instead of a large icon package. */
const PATHS = {
  upload: 'M12 16V4m0 0-4.5 4.5M12 4l4.5 4.5M4 16v2.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V16',
  download: 'M12 4v12m0 0-4.5-4.5M12 16l4.5-4.5M4 16v2.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V16',
  folder: 'M3.5 7.5A2 2 0 0 1 5.5 5.5h3.6l2 2h7.4a2 2 0 0 1 2 2v7.5a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2z',
  folderUp:
    'M3.5 7.5A2 2 0 0 1 5.5 5.5h3.6l2 2h7.4a2 2 0 0 1 2 2v7.5a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2zM12 16.5v-6m0 0-2.5 2.5M12 10.5l2.5 2.5',
  file: 'M14 3.5H7.5a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2h9a2 2 0 0 0 2-2V8zm0 0V8h4.5',
  image:
    'M5.5 4.5h13a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2v-11a2 2 0 0 1 2-2zm-2 12 4.8-4.8a1.5 1.5 0 0 1 2.1 0L16 17m-2-2 1.3-1.3a1.5 1.5 0 0 1 2.1 0l3.1 3.1M15 9h.01',
  video: 'M4.5 6h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-10a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2zm12 4.5 5-3v9l-5-3',
  audio: 'M9 18V5.5l11-2V16M9 18a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0zm11-2a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0z',
  archive: 'M4 7.5h16M5 7.5V18a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V7.5M3.5 4h17v3.5h-17zM10 11.5h4',
  code: 'm8.5 8-4 4 4 4m7-8 4 4-4 4m-2-10-3 12',
  document: 'M14 3.5H7.5a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2h9a2 2 0 0 0 2-2V8zm0 0V8h4.5M9 12.5h6M9 16h6',
  search: 'm20 20-4.2-4.2M17.5 10.5a7 7 0 1 1-14 0 7 7 0 0 1 14 0z',
  x: 'M6 6l12 12M18 6 6 18',
  check: 'm5 12.5 4.5 4.5L19 7.5',
  pause: 'M8.5 5.5v13m7-13v13',
  play: 'M7.5 5.2v13.6a.8.8 0 0 0 1.2.7l11-6.8a.8.8 0 0 0 0-1.4l-11-6.8a.8.8 0 0 0-1.2.7z',
  trash: 'M4.5 6.5h15m-10-3h5m-7.5 3 .8 12.1a2 2 0 0 0 2 1.9h4.4a2 2 0 0 0 2-1.9l.8-12.1',
  pencil: 'M14.5 5.5l4 4M4 20l1-4.5L15.8 4.7a1.4 1.4 0 0 1 2 0l1.5 1.5a1.4 1.4 0 0 1 0 2L8.5 19z',
  move: 'M3.5 7.5A2 2 0 0 1 5.5 5.5h3.6l2 2h7.4a2 2 0 0 1 2 2v7.5a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2zM9 13.5h6m0 0-2.5-2.5m2.5 2.5L12.5 16',
  sun: 'M12 3v1.5m0 15V21m9-9h-1.5m-15 0H3m15.4-6.4-1.1 1.1M6.7 17.3l-1.1 1.1m12.8 0-1.1-1.1M6.7 6.7 5.6 5.6M16 12a4 4 0 1 1-8 0 4 4 0 0 1 8 0z',
  moon: 'M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z',
  monitor:
    'M4.5 4.5h15a1.5 1.5 0 0 1 1.5 1.5v9.5a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 15.5V6a1.5 1.5 0 0 1 1.5-1.5zM9 20.5h6M12 17v3.5',
  user: 'M16 7.5a4 4 0 1 1-8 0 4 4 0 0 1 8 0zM4.5 20a7.5 7.5 0 0 1 15 0',
  users:
    'M15 7.5a3.5 3.5 0 1 1-7 0 3.5 3.5 0 0 1 7 0zM3 20a8.5 8.5 0 0 1 17 0m-2-16.2a3.5 3.5 0 0 1 0 7.4M21.5 20a8 8 0 0 0-3-6.2',
  shield: 'M12 3.5 5 6v5.5c0 4.3 2.9 7.7 7 9 4.1-1.3 7-4.7 7-9V6zm-3 8.5 2 2 4-4',
  key: 'M15.5 8.5h.01M20 8.5a4.5 4.5 0 0 1-6.2 4.2L8 18.5H5.5V16h2v-2h2l1.3-1.3A4.5 4.5 0 1 1 20 8.5z',
  logout: 'M14.5 8V6a2 2 0 0 0-2-2h-6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2v-2M10 12h10.5m0 0-3-3m3 3-3 3',
  copy: 'M9 9.5a1.5 1.5 0 0 1 1.5-1.5h8A1.5 1.5 0 0 1 20 9.5v9a1.5 1.5 0 0 1-1.5 1.5h-8A1.5 1.5 0 0 1 9 18.5zM15 8V5.5A1.5 1.5 0 0 0 13.5 4h-8A1.5 1.5 0 0 0 4 5.5v9A1.5 1.5 0 0 0 5.5 16H9',
  plus: 'M12 5v14m-7-7h14',
  chevronRight: 'm9.5 6 6 6-6 6',
  chevronDown: 'm6 9.5 6 6 6-6',
  arrowUp: 'M12 19V5m0 0-5 5m5-5 5 5',
  arrowDown: 'M12 5v14m0 0-5-5m5 5 5-5',
  filter: 'M4 5.5h16l-6.2 7.3v5.2l-3.6 1.7v-6.9z',
  menu: 'M4 7h16M4 12h16M4 17h16',
  list: 'M8.5 6.5h11m-11 5.5h11m-11 5.5h11M4.5 6.5h.01m-.01 5.5h.01m-.01 5.5h.01',
  alert: 'M12 9v4m0 3.5h.01M10.3 4.2 2.9 17a2 2 0 0 0 1.7 3h14.8a2 2 0 0 0 1.7-3L13.7 4.2a2 2 0 0 0-3.4 0z',
  info: 'M12 11v5.5m0-9h.01M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z',
  refresh: 'M20 11.5A8 8 0 0 0 5.6 7M4 4v3.5h3.5M4 12.5A8 8 0 0 0 18.4 17M20 20v-3.5h-3.5',
  clock: 'M12 7.5V12l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z',
  mail: 'M4.5 5.5h15A1.5 1.5 0 0 1 21 7v10a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17V7a1.5 1.5 0 0 1 1.5-1.5zM3.5 7l8.5 6 8.5-6',
  ban: 'M5.6 5.6l12.8 12.8M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z',
  laptop: 'M5 5.5h14a1 1 0 0 1 1 1V16H4V6.5a1 1 0 0 1 1-1zM2.5 16h19l-1 2.5h-17z',
  activity: 'M3 12h4l3-7 4 14 3-7h4',
  link: 'M10 14a4 4 0 0 0 5.7 0l3.1-3.1a4 4 0 0 0-5.7-5.7L11.5 6.8M14 10a4 4 0 0 0-5.7 0l-3.1 3.1a4 4 0 0 0 5.7 5.7l1.6-1.6',
  dots: 'M6 12h.01M12 12h.01M18 12h.01',
  inbox:
    'M3.5 13.5H8l1.5 2.5h5l1.5-2.5h4.5M5.2 5.9l-1.7 7.6V18a2 2 0 0 0 2 2h13a2 2 0 0 0 2-2v-4.5l-1.7-7.6a2 2 0 0 0-2-1.4H7.2a2 2 0 0 0-2 1.4z',
  team: 'M15 7a3 3 0 1 1-6 0 3 3 0 0 1 6 0zM6.5 20a5.5 5.5 0 0 1 11 0M7.25 9.25a2.25 2.25 0 1 1-4.5 0 2.25 2.25 0 0 1 4.5 0zM21.25 9.25a2.25 2.25 0 1 1-4.5 0 2.25 2.25 0 0 1 4.5 0zM1.5 18.5a4 4 0 0 1 5.2-3.8M22.5 18.5a4 4 0 0 0-5.2-3.8',
  globe:
    'M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0zM3.5 9h17m-17 6h17M12 3c-2.2 2.4-3.3 5.4-3.3 9s1.1 6.6 3.3 9m0-18c2.2 2.4 3.3 5.4 3.3 9s-1.1 6.6-3.3 9',
  userPlus: 'M14 7.5a4 4 0 1 1-8 0 4 4 0 0 1 8 0zM2.5 20a7.5 7.5 0 0 1 12.2-5.8M19 14v6m-3-3h6',
} as const

export type IconName = keyof typeof PATHS

/**
 * Icons that point along the reading direction ("next", "open", "leave"): mirrored in
 * right-to-left languages so they keep meaning the same thing. Up/down arrows and sort
 * order do not flip.
 */
const FOLLOWS_READING_DIRECTION: ReadonlySet<IconName> = new Set(['chevronRight', 'logout', 'move'])

/** The class that mirrors an element under dir="rtl"; for direction-bound glyphs drawn elsewhere. */
export const FLIP_IN_RTL = 'rtl:-scale-x-100'

export function Icon({
  name,
  className = 'size-5',
  flip = FOLLOWS_READING_DIRECTION.has(name),
  ...rest
}: {
  name: IconName
  /** Mirror under right-to-left; on by default for the icons that point "forward". */
  flip?: boolean
} & SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={flip ? `${className} ${FLIP_IN_RTL}` : className}
      {...rest}
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
