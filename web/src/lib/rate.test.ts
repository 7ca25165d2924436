import { describe, expect, it } from 'vitest'
import { etaSeconds, RateMeter } from './rate'

describe('RateMeter', () => {
  it('measures a steady rate', () => {
    const meter = new RateMeter()
    for (let t = 0; t <= 10_000; t += 500) meter.sample(t * 1000, t)
    expect(meter.bytesPerSecond).toBeCloseTo(1_000_000, -3)
  })

  it('smooths a burst instead of jumping to it', () => {
    const meter = new RateMeter(3000)
    for (let t = 0; t <= 10_000; t += 1000) meter.sample(t * 1000, t)
    const rate = meter.sample(10_000_000 + 10_000_000, 11_000)
    expect(rate).toBeGreaterThan(1_000_000)
    expect(rate).toBeLessThan(5_000_000)
  })

  it('starts over after a reset or when the count goes back', () => {
    const meter = new RateMeter()
    meter.sample(0, 0)
    meter.sample(5_000_000, 1000)
    meter.reset()
    expect(meter.bytesPerSecond).toBe(0)
    meter.sample(100, 2000)
    expect(meter.sample(1_000_100, 3000)).toBeCloseTo(1_000_000, -3)
  })
})

describe('etaSeconds', () => {
  it('divides what is left by the speed', () => {
    expect(etaSeconds(50_000_000, 10_000_000)).toBe(5)
    expect(etaSeconds(0, 0)).toBe(0)
    expect(etaSeconds(10, 0)).toBe(Infinity)
  })
})
