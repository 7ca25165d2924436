import { api } from './client'
import type { Schemas } from './types'

export type TagCount = Required<Schemas['TagCount']>

export async function listTags(): Promise<TagCount[]> {
  return (await api.request<{ items: TagCount[] }>('/api/v1/tags')).items
}

export async function fileTags(id: string): Promise<string[]> {
  return (await api.request<{ tags: string[] }>(`/api/v1/files/${encodeURIComponent(id)}/tags`)).tags
}

export async function setFileTags(id: string, tags: string[]): Promise<string[]> {
  return (
    await api.request<{ tags: string[] }>(`/api/v1/files/${encodeURIComponent(id)}/tags`, {
      method: 'PUT',
      json: { tags },
    })
  ).tags
}
