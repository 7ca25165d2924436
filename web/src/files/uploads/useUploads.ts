import { useSyncExternalStore } from 'react'
import { uploader, type UploadSnapshot } from './uploader'

export function useUploads(): UploadSnapshot {
  const instance = uploader()
  return useSyncExternalStore(instance.subscribe, instance.getSnapshot)
}
