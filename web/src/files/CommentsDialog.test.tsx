// @vitest-environment jsdom
import { act, screen } from '@testing-library/react'
import { renderIntl as render } from '../test/intl'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as comments from '../api/comments'
import type { Comment } from '../api/comments'
import { CommentsDialog } from './CommentsDialog'

vi.mock('../api/comments')

const api = vi.mocked(comments)
const FIRST: Comment = {
  id: 'c1',
  object_type: 'file',
  object_id: 'f1',
  author_id: 'u1',
  author_name: 'Ada Lovelace',
  author_email: 'ada@example.com',
  body: 'Section 2 changed',
  mention_ids: [],
  created_at: '2026-12-01T10:00:00Z',
}

describe('CommentsDialog', () => {
  beforeEach(() => {
    HTMLDialogElement.prototype.showModal = vi.fn(function (this: HTMLDialogElement) {
      this.open = true
    })
  })
  afterEach(() => vi.resetAllMocks())

  it('lists the comments and posts a new one', async () => {
    api.listComments.mockResolvedValue([FIRST])
    api.addComment.mockResolvedValue({ ...FIRST, id: 'c2', body: 'Thanks @ada@example.com' })
    render(<CommentsDialog target={{ type: 'files', id: 'f1', name: 'contract.pdf' }} onClose={() => {}} />)

    expect(await screen.findByText('Section 2 changed')).toBeTruthy()
    await userEvent.type(screen.getByLabelText('Add a comment'), 'Thanks @ada@example.com')
    await userEvent.click(screen.getByRole('button', { name: 'Post comment' }))

    expect(await screen.findByText('Thanks @ada@example.com')).toBeTruthy()
    expect(api.addComment).toHaveBeenCalledWith('files', 'f1', 'Thanks @ada@example.com')
  })

  it("shows only the open file's comments and an empty box after switching files", async () => {
    let answerFirst: (list: Comment[]) => void = () => {}
    api.listComments.mockImplementation((_type, id) =>
      id === 'f1'
        ? new Promise((resolve) => (answerFirst = resolve))
        : Promise.resolve([{ ...FIRST, id: 'c9', body: 'On the other file' }]),
    )
    const { rerender } = render(
      <CommentsDialog target={{ type: 'files', id: 'f1', name: 'contract.pdf' }} onClose={() => {}} />,
    )
    await userEvent.type(screen.getByLabelText('Add a comment'), 'Draft for the contract')

    rerender(<CommentsDialog target={{ type: 'files', id: 'f2', name: 'budget.xlsx' }} onClose={() => {}} />)
    expect(await screen.findByText('On the other file')).toBeTruthy()
    // The first file's answer arrives late, after the switch.
    await act(async () => answerFirst([FIRST]))

    expect(screen.queryByText('Section 2 changed')).toBeNull()
    expect((screen.getByLabelText('Add a comment') as HTMLTextAreaElement).value).toBe('')
  })

  it('posts once however often the button is clicked while sending', async () => {
    api.listComments.mockResolvedValue([])
    let finish: (comment: Comment) => void = () => {}
    api.addComment.mockImplementation(() => new Promise((resolve) => (finish = resolve)))
    render(<CommentsDialog target={{ type: 'files', id: 'f1', name: 'contract.pdf' }} onClose={() => {}} />)
    await userEvent.type(screen.getByLabelText('Add a comment'), 'Looks good')
    const post = screen.getByRole('button', { name: 'Post comment' })

    await userEvent.click(post)
    await userEvent.click(post)
    finish({ ...FIRST, id: 'c3', body: 'Looks good' })

    expect(await screen.findByText('Looks good')).toBeTruthy()
    expect(api.addComment).toHaveBeenCalledTimes(1)
  })
})
