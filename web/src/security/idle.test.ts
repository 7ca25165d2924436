import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCurrentIntl } from '../i18n/current'
import { formatCountdown, idleSignOutNote, IdleWatch, idlePhase, type IdlePhase } from './idle'

describe('idlePhase', () => {
  it('is active until a minute before the deadline, then counts down, then expires', () => {
    expect(idlePhase(null, 0)).toEqual({ kind: 'active' })
    expect(idlePhase(100_000, 39_999)).toEqual({ kind: 'active' })
    expect(idlePhase(100_000, 40_000)).toEqual({ kind: 'warning', seconds: 60 })
    expect(idlePhase(100_000, 41_000)).toEqual({ kind: 'warning', seconds: 59 })
    expect(idlePhase(100_000, 99_500)).toEqual({ kind: 'warning', seconds: 1 })
    expect(idlePhase(100_000, 100_000)).toEqual({ kind: 'expired' })
  })
})

describe('IdleWatch', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(0)
  })
  afterEach(() => vi.useRealTimers())

  const watch = () => {
    const phases: IdlePhase[] = []
    return { phases, watch: new IdleWatch((phase) => phases.push(phase)) }
  }

  it('sleeps until the warning, ticks every second, and expires at the deadline', () => {
    const { phases, watch: w } = watch()
    w.follow(120_000)
    expect(phases).toEqual([])
    vi.advanceTimersByTime(59_999)
    expect(phases).toEqual([])
    vi.advanceTimersByTime(1)
    expect(phases).toEqual([{ kind: 'warning', seconds: 60 }])
    vi.advanceTimersByTime(1_000)
    expect(phases.at(-1)).toEqual({ kind: 'warning', seconds: 59 })
    vi.advanceTimersByTime(58_999)
    expect(phases.at(-1)).toEqual({ kind: 'warning', seconds: 1 })
    vi.advanceTimersByTime(1)
    expect(phases.at(-1)).toEqual({ kind: 'expired' })
    expect(phases).toHaveLength(61)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('goes back to active when the deadline moves later during the warning', () => {
    const { phases, watch: w } = watch()
    w.follow(90_000)
    vi.advanceTimersByTime(45_000)
    expect(phases.at(-1)).toEqual({ kind: 'warning', seconds: 45 })
    w.follow(45_000 + 30 * 60_000)
    expect(phases.at(-1)).toEqual({ kind: 'active' })
    vi.advanceTimersByTime(29 * 60_000 - 1)
    expect(phases.at(-1)).toEqual({ kind: 'active' })
    vi.advanceTimersByTime(1)
    expect(phases.at(-1)).toEqual({ kind: 'warning', seconds: 60 })
  })

  it('catches up from the clock when a background tab fired its timer late', () => {
    const { phases, watch: w } = watch()
    w.follow(120_000)
    vi.setSystemTime(130_000)
    vi.advanceTimersByTime(60_000)
    expect(phases.at(-1)).toEqual({ kind: 'expired' })
  })

  it('stops following when the deadline goes away', () => {
    const { phases, watch: w } = watch()
    w.follow(70_000)
    w.follow(null)
    vi.advanceTimersByTime(120_000)
    expect(phases).toEqual([])
    expect(vi.getTimerCount()).toBe(0)
  })
})

const german = 'Sie wurden nach {count, plural, one {# Minute} other {# Minuten}} ohne Aktivität abgemeldet.'

describe('texts', () => {
  it('formats the countdown and the timeout', () => {
    expect(formatCountdown(59)).toBe('0:59')
    expect(formatCountdown(60)).toBe('1:00')
    expect(idleSignOutNote(30 * 60_000)).toBe('You were signed out after 30 minutes of inactivity.')
    expect(idleSignOutNote(60_000)).toBe('You were signed out after 1 minute of inactivity.')
    expect(idleSignOutNote(75_000)).toBe('You were signed out after 75 seconds of inactivity.')
  })

  it('says why the session ended in the UI’s language', () => {
    createCurrentIntl('de', { 'security.idle.signedOutMinutes': german })
    expect(idleSignOutNote(30 * 60_000)).toBe('Sie wurden nach 30 Minuten ohne Aktivität abgemeldet.')
    expect(idleSignOutNote(60_000)).toBe('Sie wurden nach 1 Minute ohne Aktivität abgemeldet.')
    createCurrentIntl('en', {})
  })
})
