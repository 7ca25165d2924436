// Writes the pseudo-locales from the English catalogue: en-XA (accented, about 30 % longer,
// in brackets, so untranslated text, clipped labels and concatenated sentences show) and
// ar-XB (the same text laid out right to left, for mirroring). Run by i18n:extract;
// i18n:check fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, TYPE } from '@formatjs/icu-messageformat-parser'
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js'

export const PSEUDO_LOCALES = ['en-XA', 'ar-XB']

const ACCENTED = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'àƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i],
  ]),
)
const VOWELS = new Set('aeiouAEIOU')

/** Accents every letter and doubles the vowels, about 30 % longer: "Files" → "Ƒîîļééš". */
function pseudoText(text) {
  let out = ''
  for (const c of text) out += VOWELS.has(c) ? ACCENTED[c].repeat(2) : (ACCENTED[c] ?? c)
  return out
}

function transform(elements) {
  for (const element of elements) {
    if (element.type === TYPE.literal) element.value = pseudoText(element.value)
    if (element.type === TYPE.tag) transform(element.children)
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) transform(option.value)
    }
  }
  return elements
}

export function pseudoMessage(message) {
  return `[${printAST(transform(parse(message)))}]`
}

export function pseudoCatalogue(english) {
  return Object.fromEntries(Object.entries(english).map(([id, message]) => [id, pseudoMessage(message)]))
}

const dir = 'src/i18n/messages'

export function render(english) {
  return `${JSON.stringify(pseudoCatalogue(english), null, 2)}\n`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const english = JSON.parse(readFileSync(join(dir, 'en.json'), 'utf8'))
  for (const locale of PSEUDO_LOCALES) writeFileSync(join(dir, `${locale}.json`), render(english))
}
