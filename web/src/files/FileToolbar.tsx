import { useEffect, useRef, useState } from 'react'
import { SelectField } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { DATE_OPTIONS, SIZE_OPTIONS, SORT_OPTIONS, TYPE_OPTIONS, type FileView } from './filters'

export function FileToolbar({ view, onChange }: { view: FileView; onChange: (change: Partial<FileView>) => void }) {
  const [search, setSearch] = useState(view.q)
  const change = useRef(onChange)
  change.current = onChange
  useEffect(() => setSearch(view.q), [view.q])
  useEffect(() => {
    if (search === view.q) return
    const timer = window.setTimeout(() => change.current({ q: search }), 300)
    return () => window.clearTimeout(timer)
  }, [search, view.q])

  return (
    <div className="flex flex-col gap-3 lg:flex-row lg:items-center">
      <div className="relative min-w-0 flex-1">
        <label htmlFor="file-search" className="sr-only">
          Search files by name
        </label>
        <Icon
          name="search"
          className="pointer-events-none absolute top-1/2 left-3 size-[18px] -translate-y-1/2 text-zinc-400"
        />
        <input
          id="file-search"
          type="search"
          placeholder="Search by name"
          className="field pl-10"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && onChange({ q: search })}
        />
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:flex">
        <SelectField
          label="Type"
          hideLabel
          options={TYPE_OPTIONS}
          value={view.type}
          onChange={(e) => onChange({ type: e.target.value })}
          className="lg:w-36"
        />
        <SelectField
          label="Size"
          hideLabel
          options={SIZE_OPTIONS}
          value={view.size}
          onChange={(e) => onChange({ size: e.target.value })}
          className="lg:w-40"
        />
        <SelectField
          label="Date added"
          hideLabel
          options={DATE_OPTIONS}
          value={view.date}
          onChange={(e) => onChange({ date: e.target.value })}
          className="lg:w-40"
        />
        <SelectField
          label="Sort by"
          hideLabel
          options={SORT_OPTIONS}
          value={`${view.sort}:${view.order}`}
          onChange={(e) => {
            const [sort, order] = e.target.value.split(':') as [FileView['sort'], FileView['order']]
            onChange({ sort, order })
          }}
          className="lg:w-40"
        />
      </div>
    </div>
  )
}
