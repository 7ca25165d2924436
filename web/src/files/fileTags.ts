import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { listFiles } from '../api/files'
import { listTags } from '../api/tags'

/** More tags than this and the rows show only the first ones' badges: one listing per tag. */
const INDEXED_TAGS = 50

/**
 * The caller's tags and which files carry each. The file listing does not name a file's
 * tags, so this asks for each tag's files once (a few requests for a few tags, not one per row).
 */
export function useFileTags() {
  const counts = useQuery({ queryKey: ['files', 'tags'], queryFn: listTags, staleTime: 30_000 })
  const tags = useMemo(() => (counts.data ?? []).map((c) => c.tag), [counts.data])
  const index = useQuery({
    queryKey: ['files', 'tags', 'index', tags],
    enabled: tags.length > 0,
    staleTime: 30_000,
    queryFn: async ({ signal }) => {
      const byFile = new Map<string, string[]>()
      const pages = await Promise.all(
        tags.slice(0, INDEXED_TAGS).map(async (tag) => {
          const page = await listFiles(
            { folder: '/', recursive: true, tag, sort: 'name', order: 'asc', limit: 500 },
            signal,
          )
          return { tag, ids: page.items.map((f) => f.id) }
        }),
      )
      for (const { tag, ids } of pages) for (const id of ids) byFile.set(id, [...(byFile.get(id) ?? []), tag])
      return byFile
    },
  })
  const tagsOf = useMemo(() => {
    const byFile = index.data
    return (id: string): readonly string[] => byFile?.get(id) ?? []
  }, [index.data])
  return { tags, tagsOf }
}
