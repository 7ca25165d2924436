import { FormattedMessage, useIntl } from 'react-intl'
import { useEffect, useState } from 'react'
import { addComment, listComments, type Comment, type CommentObject } from '../api/comments'
import { Button } from '../ui/Button'
import { Dialog } from '../ui/Dialog'
import { formatRelative } from '../lib/format'
import { errorMessage } from '../ui/ErrorNotice'

export interface CommentTarget {
  type: CommentObject
  id: string
  name: string
}

/**
 * The comments on a file or transfer, oldest first, and a box to add one; `@email` mentions
 * of people it is shared with are mailed to them by the server.
 */
export function CommentsDialog({ target, onClose }: { target: CommentTarget | null; onClose: () => void }) {
  const [comments, setComments] = useState<Comment[]>([])
  const [body, setBody] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const intl = useIntl()

  // Another target is another conversation: its comments only (a slow answer for the
  // last one is dropped) and an empty box.
  useEffect(() => {
    if (!target) return
    let current = true
    setComments([])
    setBody('')
    setError(null)
    listComments(target.type, target.id).then(
      (list) => current && setComments(list),
      (e: unknown) => current && setError(errorMessage(e)),
    )
    return () => {
      current = false
    }
  }, [target])

  async function send() {
    if (!target || !body.trim() || sending) return
    setSending(true)
    try {
      const added = await addComment(target.type, target.id, body)
      setComments((list) => [...list, added])
      setBody('')
      setError(null)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSending(false)
    }
  }

  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      title={intl.formatMessage(
        { id: 'files.comments.title', defaultMessage: 'Comments on {name}' },
        { name: target?.name ?? '' },
      )}
      size="lg"
    >
      <ul
        className="max-h-80 space-y-3 overflow-y-auto"
        aria-label={intl.formatMessage({ id: 'files.comments.list', defaultMessage: 'Comments' })}
      >
        {comments.length === 0 && (
          <li className="text-sm muted">
            <FormattedMessage id="files.comments.empty" defaultMessage="No comments yet." />
          </li>
        )}
        {comments.map((c) => (
          <li key={c.id} className="rounded-lg bg-zinc-50 p-3 dark:bg-zinc-800/60">
            <p className="text-[13px] muted">
              <FormattedMessage
                id="files.comments.byline"
                defaultMessage="{author} · {when}"
                values={{ author: <bdi>{c.author_name ?? c.author_email}</bdi>, when: formatRelative(c.created_at) }}
              />
            </p>
            <p className="text-sm break-words whitespace-pre-wrap">{c.body}</p>
          </li>
        ))}
      </ul>
      <label className="mt-4 block text-sm font-medium" htmlFor="comment-body">
        <FormattedMessage id="files.comments.add" defaultMessage="Add a comment" />
      </label>
      <textarea
        id="comment-body"
        className="mt-1 w-full rounded-lg border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        rows={3}
        maxLength={4000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={intl.formatMessage({
          id: 'files.comments.placeholder',
          defaultMessage: 'Mention someone it is shared with as @name@example.com',
        })}
      />
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {error}
        </p>
      )}
      <div className="mt-3 flex justify-end">
        <Button onClick={() => void send()} disabled={!body.trim()} busy={sending}>
          <FormattedMessage id="files.comments.post" defaultMessage="Post comment" />
        </Button>
      </div>
    </Dialog>
  )
}
