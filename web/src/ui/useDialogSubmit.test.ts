// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useDialogSubmit } from './useDialogSubmit'

describe('useDialogSubmit', () => {
  it('stays busy after an action that closes the dialog, and is fresh when it opens again', async () => {
    const { result, rerender } = renderHook(({ open }) => useDialogSubmit(open), { initialProps: { open: true } })

    await act(() => result.current.run(async () => {}))
    expect(result.current.busy).toBe(true)

    rerender({ open: false })
    rerender({ open: true })
    expect(result.current.busy).toBe(false)
    expect(result.current.error).toBeNull()
  })

  it('keeps a failure and makes the form usable again', async () => {
    const { result } = renderHook(() => useDialogSubmit(true))
    const failure = new Error('refused')

    await act(() =>
      result.current.run(async () => {
        throw failure
      }),
    )

    expect(result.current.busy).toBe(false)
    expect(result.current.error).toBe(failure)
  })

  it('clears the old failure and ends busy after an action that leaves the dialog open', async () => {
    const { result } = renderHook(() => useDialogSubmit(true))
    await act(() =>
      result.current.run(async () => {
        throw new Error('first')
      }),
    )
    expect(result.current.error).not.toBeNull()

    await act(() => result.current.run(async () => {}, { stayOpen: true }))

    expect(result.current.busy).toBe(false)
    expect(result.current.error).toBeNull()
  })

  it('shows a failure in the words the dialog chose', async () => {
    const { result } = renderHook(() => useDialogSubmit(true))
    const worded = new Error('No account uses this email address.')

    await act(() =>
      result.current.run(
        async () => {
          throw new Error('404')
        },
        { stayOpen: true, explain: () => worded },
      ),
    )

    expect(result.current.error).toBe(worded)
  })
})
