import { defineMessage } from 'react-intl'
import { E2eError } from './errors'

/** What an encrypted transfer hides from the server: title, message and each file's name and type. */
export interface Manifest {
  title: string | null
  message: string | null
  files: { id: string; name: string; type: string | null; size: number | null }[]
}

/** The manifest JSON as the sender's browser wrote it; anything malformed is refused. */
export function parseManifest(text: string): Manifest {
  const data = JSON.parse(text) as Partial<Manifest>
  if (!Array.isArray(data.files)) throw new E2eError(
      defineMessage({ id: 'e2e.error.manifestDamaged', defaultMessage: 'The encrypted file list is damaged.' }),
    )
  return {
    title: typeof data.title === 'string' ? data.title : null,
    message: typeof data.message === 'string' ? data.message : null,
    files: data.files.map((f) => ({
      id: String(f.id),
      name: String(f.name),
      type: typeof f.type === 'string' ? f.type : null,
      size: typeof f.size === 'number' ? f.size : null,
    })),
  }
}
