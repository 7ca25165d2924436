import { api } from './client'
import type { Received, Schemas } from './types'

export type CommentObject = 'files' | 'transfers'

export type Comment = Received<
  Schemas['CommentView'],
  'id' | 'object_type' | 'object_id' | 'author_id' | 'body' | 'mention_ids' | 'created_at'
>

const path = (type: CommentObject, id: string) => `/api/v1/${type}/${encodeURIComponent(id)}/comments`

export async function listComments(type: CommentObject, id: string): Promise<Comment[]> {
  return (await api.request<{ items: Comment[] }>(path(type, id))).items
}

export function addComment(type: CommentObject, id: string, body: string): Promise<Comment> {
  return api.request<Comment>(path(type, id), { method: 'POST', json: { body } })
}
