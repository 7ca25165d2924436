import { describe, expect, it } from 'vitest'
import { qrPath } from './QrCode'

describe('qrPath', () => {
  it('draws a square code with the three finder patterns', () => {
    const { size, d } = qrPath('https://ferry.example/s/abc')
    expect(size).toBeGreaterThanOrEqual(21)
    expect(d).toContain('M0 0h1v1h-1z')
    expect(d).toContain(`M${size - 1} 0h1v1h-1z`)
    expect(d).toContain(`M0 ${size - 1}h1v1h-1z`)
  })
})
