/** Folders are absolute and normalised as the server keeps them: "/" or "/docs/2026". */
export const ROOT = '/'

export function normalizeFolder(raw: string | null | undefined): string {
  const segments = (raw ?? '')
    .split('/')
    .map((s) => s.trim())
    .filter(Boolean)
  return segments.length === 0 ? ROOT : `/${segments.join('/')}`
}

export function joinFolder(folder: string, child: string): string {
  return normalizeFolder(`${folder}/${child}`)
}

export function parentFolder(folder: string): string {
  const segments = normalizeFolder(folder).split('/').filter(Boolean)
  return normalizeFolder(segments.slice(0, -1).join('/'))
}

export function folderName(folder: string): string {
  const segments = normalizeFolder(folder).split('/').filter(Boolean)
  return segments[segments.length - 1] ?? ''
}

/** Breadcrumbs from the root: [{ name: 'Files', path: '/' }, { name: 'docs', path: '/docs' }, ...]. */
export function breadcrumbs(folder: string, rootName = 'All files'): { name: string; path: string }[] {
  const segments = normalizeFolder(folder).split('/').filter(Boolean)
  return [
    { name: rootName, path: ROOT },
    ...segments.map((name, i) => ({ name, path: `/${segments.slice(0, i + 1).join('/')}` })),
  ]
}

/**
 * The sub-folders directly inside `folder`, from the folders of files anywhere below it:
 * folders exist only as paths of files, so a file in /a/b/c makes /a/b visible from /a.
 */
export function childFolders(folder: string, descendantFolders: Iterable<string>): string[] {
  const base = normalizeFolder(folder)
  const prefix = base === ROOT ? ROOT : `${base}/`
  const children = new Set<string>()
  for (const raw of descendantFolders) {
    const candidate = normalizeFolder(raw)
    if (!candidate.startsWith(prefix) || candidate === base) continue
    const next = candidate.slice(prefix.length).split('/')[0]
    if (next) children.add(prefix + next)
  }
  return [...children].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }))
}
