import { useIntl } from 'react-intl'
import { Icon } from '../ui/Icon'
import { breadcrumbs } from './paths'

export function Breadcrumbs({ folder, onNavigate }: { folder: string; onNavigate: (folder: string) => void }) {
  const intl = useIntl()
  const crumbs = breadcrumbs(folder, intl.formatMessage({ id: 'files.breadcrumbs.root', defaultMessage: 'All files' }))
  return (
    <nav
      aria-label={intl.formatMessage({ id: 'files.breadcrumbs.label', defaultMessage: 'Folder' })}
      className="mt-0.5"
    >
      <ol className="flex flex-wrap items-center gap-1 text-sm">
        {crumbs.map((crumb, i) => {
          const last = i === crumbs.length - 1
          return (
            <li key={crumb.path} className="flex min-w-0 items-center gap-1">
              {i > 0 && <Icon name="chevronRight" className="size-3.5 shrink-0 text-zinc-400 rtl:-scale-x-100" />}
              {last ? (
                <span
                  aria-current="page"
                  className="max-w-[16rem] truncate font-medium text-zinc-700 dark:text-zinc-300"
                  title={crumb.name}
                >
                  {crumb.name}
                </span>
              ) : (
                <button
                  type="button"
                  onClick={() => onNavigate(crumb.path)}
                  className="max-w-[12rem] truncate rounded text-zinc-500 hover:text-accent-700 hover:underline dark:text-zinc-400 dark:hover:text-accent-300"
                  title={crumb.name}
                >
                  {crumb.name}
                </button>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
