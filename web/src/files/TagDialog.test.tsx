// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderIntl as render } from '../test/intl'
import { TagDialog } from './TagDialog'

describe('TagDialog', () => {
  it('adds the typed tag and shows a refusal in the dialog', async () => {
    const onTag = vi.fn().mockRejectedValueOnce(new Error('A tag is 1 to 64 characters without commas.'))
    const onClose = vi.fn()
    render(<TagDialog count={3} open known={['invoices']} onClose={onClose} onTag={onTag} />)
    expect(screen.getByRole('dialog', { name: 'Tag 3 files' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Add tag' })).toHaveProperty('disabled', true)

    await userEvent.type(screen.getByLabelText('Tag'), 'a,b')
    await userEvent.click(screen.getByRole('button', { name: 'Add tag' }))
    expect(await screen.findByText('A tag is 1 to 64 characters without commas.')).toBeTruthy()
    expect(onClose).not.toHaveBeenCalled()

    onTag.mockResolvedValueOnce(undefined)
    await userEvent.clear(screen.getByLabelText('Tag'))
    await userEvent.type(screen.getByLabelText('Tag'), ' invoices ')
    await userEvent.click(screen.getByRole('button', { name: 'Add tag' }))
    expect(onTag).toHaveBeenLastCalledWith('invoices')
    expect(onClose).toHaveBeenCalled()
  })
})
