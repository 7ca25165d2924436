import { describe, expect, it } from 'vitest'
import pseudo from './messages/en-XA.json'
import english from './messages/en.json'
import { LOCALES, localeInfo, negotiateLocale, selectableLocales } from './locales'

describe('locales', () => {
  it('lists only languages whose catalogue exists, and the pseudo-locales only in debug', () => {
    const shipped = LOCALES.map((l) => l.code)
    expect(shipped[0]).toBe('en')
    expect(shipped).not.toContain('en-XA')
    expect(selectableLocales(false).map((l) => l.code)).toEqual(shipped)
    expect(selectableLocales(true).map((l) => l.code)).toEqual([...shipped, 'en-XA', 'ar-XB'])
  })

  it('ships the eleven languages of the product', () => {
    expect(LOCALES.map((l) => l.code).sort()).toEqual(
      ['ar', 'de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt-BR', 'zh-CN'].sort(),
    )
  })

  it('knows each shipped language by its own name and direction', () => {
    expect(localeInfo('ar')).toEqual({ code: 'ar', name: 'العربية', dir: 'rtl' })
    expect(localeInfo('pt-BR')).toEqual({ code: 'pt-BR', name: 'Português (Brasil)', dir: 'ltr' })
    expect(localeInfo('ar-XB').dir).toBe('rtl')
  })

  it('names a language it does not know through Intl, right to left by its script', () => {
    expect(localeInfo('sv')).toEqual({ code: 'sv', name: 'svenska', dir: 'ltr' })
    expect(localeInfo('he').dir).toBe('rtl')
  })

  it('negotiates exact tag, then language, then English', () => {
    const offered = selectableLocales(true)
    expect(negotiateLocale(['en-XA'], offered)).toBe('en-XA')
    expect(negotiateLocale(['en-XA'], selectableLocales(false))).toBe('en')
    expect(negotiateLocale(['fr-CA', 'en-GB'], offered)).toBe('fr')
    expect(negotiateLocale(['zz-ZZ', 'en-GB'], offered)).toBe('en')
    expect(negotiateLocale(['xx'], offered)).toBe('en')
  })

  it('generates a pseudo-locale that is accented, longer and bracketed, keeping ICU arguments', () => {
    expect(Object.keys(pseudo)).toEqual(Object.keys(english))
    expect(pseudo['notFound.title']).toBe('[Ñööţĥîîñĝ ĥééŕéé]')
    const length = (catalogue: Record<string, string>) => Object.values(catalogue).join('').length
    expect(length(pseudo) / length(english)).toBeGreaterThanOrEqual(1.3)
  })
})
