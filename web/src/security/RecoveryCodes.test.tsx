// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import { createIntl } from 'react-intl'
import { renderIntl as render } from '../test/intl'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { RecoveryCodes, recoveryCodesText } from './RecoveryCodes'

const englishIntl = createIntl({ locale: 'en', messages: {}, onError: () => {} })

describe('RecoveryCodes', () => {
  it('writes a file that says what the codes are for', () => {
    expect(recoveryCodesText(englishIntl, ['aaaa-bbbb', 'cccc-dddd'], 'ada@example.com', 'ferry.example.com')).toBe(
      'Ferry recovery codes for ada@example.com (ferry.example.com)\nEach code works once, in place of a code from your authenticator app.\n\naaaa-bbbb\ncccc-dddd\n',
    )
  })

  it('goes on only once the user says the codes are saved', async () => {
    const done = vi.fn()
    render(<RecoveryCodes codes={['aaaa-bbbb']} onDone={done} doneLabel="Continue" />)
    const user = userEvent.setup()
    const next = screen.getByRole('button', { name: 'Continue' })
    expect(next).toHaveProperty('disabled', true)
    await user.click(screen.getByLabelText('I saved my recovery codes'))
    await user.click(next)
    expect(done).toHaveBeenCalledOnce()
  })
})
