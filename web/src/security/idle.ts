import { defineMessages } from 'react-intl'
import { translate } from '../i18n/current'

/** The warning comes this long before an idle browser session ends. */
export const IDLE_WARNING_MS = 60_000

const NOTES = defineMessages({
  seconds: {
    id: 'security.idle.signedOutSeconds',
    defaultMessage: 'You were signed out after {count, plural, one {# second} other {# seconds}} of inactivity.',
  },
  minutes: {
    id: 'security.idle.signedOutMinutes',
    defaultMessage: 'You were signed out after {count, plural, one {# minute} other {# minutes}} of inactivity.',
  },
})

export type IdlePhase = { kind: 'active' } | { kind: 'warning'; seconds: number } | { kind: 'expired' }

export function idlePhase(deadline: number | null, now: number): IdlePhase {
  if (deadline === null) return { kind: 'active' }
  const remaining = deadline - now
  if (remaining <= 0) return { kind: 'expired' }
  if (remaining <= IDLE_WARNING_MS) return { kind: 'warning', seconds: Math.ceil(remaining / 1000) }
  return { kind: 'active' }
}

const samePhase = (a: IdlePhase, b: IdlePhase) =>
  a.kind === b.kind && (a.kind !== 'warning' || (b.kind === 'warning' && a.seconds === b.seconds))

/**
 * Follows one deadline with a single timer: asleep until the warning, then once a second
 * (for the countdown) until the end. Reports each change of phase or countdown second.
 */
export class IdleWatch {
  private deadline: number | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  private phase: IdlePhase = { kind: 'active' }
  private readonly onChange: (phase: IdlePhase) => void
  private readonly now: () => number

  constructor(onChange: (phase: IdlePhase) => void, now: () => number = Date.now) {
    this.onChange = onChange
    this.now = now
  }

  follow(deadline: number | null): void {
    this.deadline = deadline
    this.evaluate()
  }

  stop(): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }

  private evaluate(): void {
    this.stop()
    const now = this.now()
    const phase = idlePhase(this.deadline, now)
    if (!samePhase(phase, this.phase)) {
      this.phase = phase
      this.onChange(phase)
    }
    if (this.deadline === null || phase.kind === 'expired') return
    const remaining = this.deadline - now
    // Timers in background tabs fire late; each wake-up recomputes from the clock, so lateness never adds up.
    const wait = phase.kind === 'active' ? remaining - IDLE_WARNING_MS : remaining % 1000 || 1000
    this.timer = setTimeout(() => this.evaluate(), Math.max(wait, 1))
  }
}

/** The note after the idle timeout struck, naming it in seconds (under two minutes) or minutes. */
export function idleSignOutNote(ms: number): string {
  if (ms % 60_000 !== 0 && ms < 120_000) return translate(NOTES.seconds, { count: Math.round(ms / 1000) })
  return translate(NOTES.minutes, { count: Math.round(ms / 60_000) })
}

/** 0:59, 1:00 */
export function formatCountdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}
