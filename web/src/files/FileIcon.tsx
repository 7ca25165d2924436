import { fileKind, type FileKind } from '../lib/format'
import { Icon, type IconName } from '../ui/Icon'

const KIND: Record<FileKind, { icon: IconName; tone: string }> = {
  image: { icon: 'image', tone: 'bg-violet-50 text-violet-600 dark:bg-violet-950/60 dark:text-violet-300' },
  video: { icon: 'video', tone: 'bg-rose-50 text-rose-600 dark:bg-rose-950/60 dark:text-rose-300' },
  audio: { icon: 'audio', tone: 'bg-amber-50 text-amber-700 dark:bg-amber-950/60 dark:text-amber-300' },
  document: { icon: 'document', tone: 'bg-sky-50 text-sky-700 dark:bg-sky-950/60 dark:text-sky-300' },
  archive: { icon: 'archive', tone: 'bg-orange-50 text-orange-700 dark:bg-orange-950/60 dark:text-orange-300' },
  code: { icon: 'code', tone: 'bg-emerald-50 text-emerald-700 dark:bg-emerald-950/60 dark:text-emerald-300' },
  other: { icon: 'file', tone: 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300' },
}

export function FileIcon({ name, contentType }: { name: string; contentType?: string | null }) {
  const kind = KIND[fileKind(name, contentType)]
  return (
    <span className={`flex size-9 shrink-0 items-center justify-center rounded-lg ${kind.tone}`}>
      <Icon name={kind.icon} className="size-[18px]" />
    </span>
  )
}

export function FolderIcon() {
  return (
    <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-accent-50 text-accent-600 dark:bg-accent-950/70 dark:text-accent-300">
      <Icon name="folder" className="size-[18px]" />
    </span>
  )
}
