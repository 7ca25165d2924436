import { describe, expect, it } from 'vitest'
import { landedAs } from './FilePicker'

describe('landedAs', () => {
  it('matches the same name or the numbered one the server gives a taken name', () => {
    expect(landedAs('plan.pdf', 'plan.pdf')).toBe(true)
    expect(landedAs('plan.pdf', 'plan (1).pdf')).toBe(true)
    expect(landedAs('plan.pdf', 'plan (12).pdf')).toBe(true)
    expect(landedAs('README', 'README (2)')).toBe(true)
  })
  it('does not match other files', () => {
    expect(landedAs('plan.pdf', 'plan (x).pdf')).toBe(false)
    expect(landedAs('plan.pdf', 'plan-old.pdf')).toBe(false)
    expect(landedAs('plan.pdf', 'plan (1).txt')).toBe(false)
  })
})
