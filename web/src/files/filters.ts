import { defineMessage } from 'react-intl'
import type { FileListQuery, SortField } from '../api/files'
import { normalizeFolder } from './paths'

// Option labels are message descriptors: the toolbar formats them in the current locale.
export const TYPE_OPTIONS = [
  { value: '', label: defineMessage({ id: 'files.filter.type.all', defaultMessage: 'All types' }) },
  { value: 'image/', label: defineMessage({ id: 'files.filter.type.images', defaultMessage: 'Images' }) },
  { value: 'video/', label: defineMessage({ id: 'files.filter.type.videos', defaultMessage: 'Videos' }) },
  { value: 'audio/', label: defineMessage({ id: 'files.filter.type.audio', defaultMessage: 'Audio' }) },
  { value: 'text/', label: defineMessage({ id: 'files.filter.type.text', defaultMessage: 'Text' }) },
  { value: 'application/pdf', label: defineMessage({ id: 'files.filter.type.pdf', defaultMessage: 'PDF' }) },
  { value: 'application/zip', label: defineMessage({ id: 'files.filter.type.zip', defaultMessage: 'ZIP archives' }) },
] as const

const MB = 1000 * 1000
const GB = 1000 * MB

export const SIZE_OPTIONS = [
  {
    value: '',
    label: defineMessage({ id: 'files.filter.size.any', defaultMessage: 'Any size' }),
    min: undefined,
    max: undefined,
  },
  {
    value: 'small',
    label: defineMessage({ id: 'files.filter.size.small', defaultMessage: 'Under 1 MB' }),
    min: undefined,
    max: MB - 1,
  },
  {
    value: 'medium',
    label: defineMessage({ id: 'files.filter.size.medium', defaultMessage: '1 MB – 100 MB' }),
    min: MB,
    max: 100 * MB - 1,
  },
  {
    value: 'large',
    label: defineMessage({ id: 'files.filter.size.large', defaultMessage: '100 MB – 1 GB' }),
    min: 100 * MB,
    max: GB - 1,
  },
  {
    value: 'huge',
    label: defineMessage({ id: 'files.filter.size.huge', defaultMessage: 'Over 1 GB' }),
    min: GB,
    max: undefined,
  },
] as const

export const DATE_OPTIONS = [
  { value: '', label: defineMessage({ id: 'files.filter.date.any', defaultMessage: 'Any time' }), days: undefined },
  { value: '1d', label: defineMessage({ id: 'files.filter.date.day', defaultMessage: 'Last 24 hours' }), days: 1 },
  { value: '7d', label: defineMessage({ id: 'files.filter.date.week', defaultMessage: 'Last 7 days' }), days: 7 },
  { value: '30d', label: defineMessage({ id: 'files.filter.date.month', defaultMessage: 'Last 30 days' }), days: 30 },
  { value: '365d', label: defineMessage({ id: 'files.filter.date.year', defaultMessage: 'Last year' }), days: 365 },
] as const

export const SORT_OPTIONS = [
  { value: 'name:asc', label: defineMessage({ id: 'files.sort.nameAsc', defaultMessage: 'Name (A–Z)' }) },
  { value: 'name:desc', label: defineMessage({ id: 'files.sort.nameDesc', defaultMessage: 'Name (Z–A)' }) },
  { value: 'created_at:desc', label: defineMessage({ id: 'files.sort.newest', defaultMessage: 'Newest first' }) },
  { value: 'created_at:asc', label: defineMessage({ id: 'files.sort.oldest', defaultMessage: 'Oldest first' }) },
  { value: 'size:desc', label: defineMessage({ id: 'files.sort.largest', defaultMessage: 'Largest first' }) },
  { value: 'size:asc', label: defineMessage({ id: 'files.sort.smallest', defaultMessage: 'Smallest first' }) },
] as const

export interface FileView {
  folder: string
  q: string
  type: string
  size: string
  date: string
  tag: string
  sort: SortField
  order: 'asc' | 'desc'
}

/** The page's state lives in the URL, so a reload, the back button and a shared link all keep it. */
export function readView(params: URLSearchParams): FileView {
  const sort = params.get('sort')
  return {
    folder: normalizeFolder(params.get('path')),
    q: params.get('q') ?? '',
    type: TYPE_OPTIONS.some((o) => o.value === params.get('type')) ? (params.get('type') ?? '') : '',
    size: SIZE_OPTIONS.some((o) => o.value === params.get('size')) ? (params.get('size') ?? '') : '',
    date: DATE_OPTIONS.some((o) => o.value === params.get('date')) ? (params.get('date') ?? '') : '',
    tag: params.get('tag') ?? '',
    sort: sort === 'size' || sort === 'created_at' ? sort : 'name',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  }
}

export function writeView(view: FileView): URLSearchParams {
  const params = new URLSearchParams()
  if (view.folder !== '/') params.set('path', view.folder)
  if (view.q) params.set('q', view.q)
  if (view.type) params.set('type', view.type)
  if (view.size) params.set('size', view.size)
  if (view.date) params.set('date', view.date)
  if (view.tag) params.set('tag', view.tag)
  if (view.sort !== 'name') params.set('sort', view.sort)
  if (view.order !== 'asc') params.set('order', view.order)
  return params
}

export function isFiltered(view: FileView): boolean {
  return Boolean(view.q || view.type || view.size || view.date || view.tag)
}

/** A search or filter looks through the whole tree below the folder, not only its top level. */
export function toQuery(view: FileView, now: number = Date.now()): FileListQuery {
  const size = SIZE_OPTIONS.find((o) => o.value === view.size)
  const date = DATE_OPTIONS.find((o) => o.value === view.date)
  const query: FileListQuery = { folder: view.folder, sort: view.sort, order: view.order, recursive: isFiltered(view) }
  if (view.q.trim()) query.name = view.q.trim()
  if (view.type) query.type = view.type
  if (view.tag) query.tag = view.tag
  if (size?.min !== undefined) query.minSize = size.min
  if (size?.max !== undefined) query.maxSize = size.max
  if (date?.days !== undefined) query.createdAfter = new Date(now - date.days * 86_400_000).toISOString()
  return query
}
