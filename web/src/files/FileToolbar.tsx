import { useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl'
import { SelectField } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { DATE_OPTIONS, SIZE_OPTIONS, SORT_OPTIONS, TYPE_OPTIONS, type FileView } from './filters'

export function FileToolbar({
  view,
  onChange,
  tags = [],
}: {
  view: FileView
  onChange: (change: Partial<FileView>) => void
  tags?: readonly string[]
}) {
  const intl = useIntl()
  const localised = (options: readonly { value: string; label: MessageDescriptor }[]) =>
    options.map((o) => ({ value: o.value, label: intl.formatMessage(o.label) }))
  // Without tags the filter would offer nothing and only narrow the search box.
  const offerTags = tags.length > 0 || view.tag !== ''
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
          <FormattedMessage id="files.toolbar.searchLabel" defaultMessage="Search files by name" />
        </label>
        <Icon
          name="search"
          className="pointer-events-none absolute top-1/2 start-3 size-[18px] -translate-y-1/2 text-zinc-400"
        />
        <input
          id="file-search"
          type="search"
          placeholder={intl.formatMessage({ id: 'files.toolbar.searchPlaceholder', defaultMessage: 'Search by name' })}
          className="field ps-10"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && onChange({ q: search })}
        />
      </div>
      <div className={`grid grid-cols-2 gap-2 lg:flex ${offerTags ? 'sm:grid-cols-5' : 'sm:grid-cols-4'}`}>
        <SelectField
          label={intl.formatMessage({ id: 'files.toolbar.type', defaultMessage: 'Type' })}
          hideLabel
          options={localised(TYPE_OPTIONS)}
          value={view.type}
          onChange={(e) => onChange({ type: e.target.value })}
          className="lg:w-36"
        />
        <SelectField
          label={intl.formatMessage({ id: 'files.toolbar.size', defaultMessage: 'Size' })}
          hideLabel
          options={localised(SIZE_OPTIONS)}
          value={view.size}
          onChange={(e) => onChange({ size: e.target.value })}
          className="lg:w-40"
        />
        <SelectField
          label={intl.formatMessage({ id: 'files.toolbar.date', defaultMessage: 'Date added' })}
          hideLabel
          options={localised(DATE_OPTIONS)}
          value={view.date}
          onChange={(e) => onChange({ date: e.target.value })}
          className="lg:w-40"
        />
        {offerTags && (
          <SelectField
            label={intl.formatMessage({ id: 'files.toolbar.tag', defaultMessage: 'Tag' })}
            hideLabel
            options={[
              { value: '', label: intl.formatMessage({ id: 'files.toolbar.anyTag', defaultMessage: 'Any tag' }) },
              ...[...new Set([...tags, ...(view.tag ? [view.tag] : [])])].map((tag) => ({ value: tag, label: tag })),
            ]}
            value={view.tag}
            onChange={(e) => onChange({ tag: e.target.value })}
            className="lg:w-32"
          />
        )}
        <SelectField
          label={intl.formatMessage({ id: 'files.toolbar.sort', defaultMessage: 'Sort by' })}
          hideLabel
          options={localised(SORT_OPTIONS)}
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
