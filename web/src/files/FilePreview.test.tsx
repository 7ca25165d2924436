// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react'
import { renderIntl as render } from '../test/intl'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as files from '../api/files'
import { FilePreview } from './FilePreview'

vi.mock('../api/files', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/files')>()),
  previewUrl: vi.fn(),
}))

const api = vi.mocked(files)

describe('FilePreview', () => {
  beforeEach(() => {
    URL.createObjectURL = vi.fn()
    URL.revokeObjectURL = vi.fn()
    HTMLDialogElement.prototype.showModal = vi.fn(function (this: HTMLDialogElement) {
      this.open = true
    })
  })
  afterEach(() => vi.resetAllMocks())

  it('shows the thumbnail and opens it larger in a lightbox', async () => {
    api.previewUrl.mockResolvedValue('blob:preview-1')
    render(<FilePreview file={{ id: 'f1', name: 'beach.jpg', content_type: 'image/jpeg' }} />)

    const button = await screen.findByRole('button', { name: 'Show a preview of beach.jpg' })
    await userEvent.click(button)
    await waitFor(() => expect(screen.getByAltText('Preview of beach.jpg').getAttribute('src')).toBe('blob:preview-1'))
    expect(api.previewUrl).toHaveBeenCalledWith('f1', expect.any(AbortSignal))
  })

  it('keeps the type icon while there is no preview', async () => {
    api.previewUrl.mockResolvedValue(null)
    render(<FilePreview file={{ id: 'f2', name: 'report.pdf', content_type: 'application/pdf' }} />)
    await waitFor(() => expect(api.previewUrl).toHaveBeenCalled())
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('never asks for a preview of SVG or HTML', () => {
    render(<FilePreview file={{ id: 'f3', name: 'drawing.svg', content_type: 'image/svg+xml' }} />)
    render(<FilePreview file={{ id: 'f4', name: 'page.html', content_type: 'text/html' }} />)
    expect(api.previewUrl).not.toHaveBeenCalled()
  })
})
