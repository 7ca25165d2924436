/**
 * Transfer speed from progress samples, smoothed so the ETA does not jump around with every
 * chunk: an exponential moving average of the per-interval rate, weighted by the time each
 * interval spans (a half-life of a few seconds).
 */
export class RateMeter {
  private lastTime: number | null = null
  private lastBytes = 0
  private rate = 0
  private readonly halfLifeMs: number

  constructor(halfLifeMs = 3000) {
    this.halfLifeMs = halfLifeMs
  }

  /** Feeds the total bytes done so far at time `now` (ms); returns the smoothed bytes per second. */
  sample(bytes: number, now: number): number {
    if (this.lastTime === null || bytes < this.lastBytes) {
      // First sample, or the count went back (a resumed upload restarted its counter).
      this.lastTime = now
      this.lastBytes = bytes
      return this.rate
    }
    const elapsed = now - this.lastTime
    if (elapsed < 50) return this.rate
    const instant = ((bytes - this.lastBytes) * 1000) / elapsed
    const weight = this.rate === 0 ? 1 : 1 - Math.pow(0.5, elapsed / this.halfLifeMs)
    this.rate = this.rate + weight * (instant - this.rate)
    this.lastTime = now
    this.lastBytes = bytes
    return this.rate
  }

  /** Forgets the history, for a pause: speed before it says nothing about after it. */
  reset(): void {
    this.lastTime = null
    this.rate = 0
  }

  get bytesPerSecond(): number {
    return this.rate
  }
}

/** Seconds left at the given speed; Infinity while the speed is unknown. */
export function etaSeconds(remainingBytes: number, bytesPerSecond: number): number {
  if (remainingBytes <= 0) return 0
  if (bytesPerSecond <= 0) return Infinity
  return remainingBytes / bytesPerSecond
}
