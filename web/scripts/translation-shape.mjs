// Checks one translated catalogue against the English one: the same keys, valid ICU, the same
// arguments and tags as English (a translation may not drop {count} or invent {name}), and
// plural branches the language actually has. Used by check-messages.mjs and, on a single
// file, by translators: node scripts/translation-shape.mjs de path/to/de.json
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse, TYPE } from '@formatjs/icu-messageformat-parser'

/** Argument names and tag names used anywhere in a parsed message. */
function shape(elements, found = { args: new Set(), tags: new Set(), plurals: [] }) {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        found.args.add(element.value)
        break
      case TYPE.select:
        found.args.add(element.value)
        for (const option of Object.values(element.options)) shape(option.value, found)
        break
      case TYPE.plural:
        found.args.add(element.value)
        found.plurals.push({ ordinal: element.pluralType === 'ordinal', keys: Object.keys(element.options) })
        for (const option of Object.values(element.options)) shape(option.value, found)
        break
      case TYPE.tag:
        found.tags.add(element.value)
        shape(element.children, found)
        break
      default:
        break
    }
  }
  return found
}

const sorted = (set) => [...set].sort().join(', ')

/** Problems of a translated catalogue for locale, compared with English; empty when it is sound. */
export function translationProblems(locale, catalogue, english) {
  const problems = []
  const cardinal = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories)
  const ordinal = new Set(new Intl.PluralRules(locale, { type: 'ordinal' }).resolvedOptions().pluralCategories)
  for (const key of Object.keys(english)) {
    if (!(key in catalogue)) problems.push(`missing "${key}"`)
  }
  for (const [key, message] of Object.entries(catalogue)) {
    if (!(key in english)) {
      problems.push(`unused "${key}"`)
      continue
    }
    let translated
    try {
      translated = shape(parse(message))
    } catch (e) {
      problems.push(`"${key}" is not valid ICU MessageFormat (${e.message})`)
      continue
    }
    const original = shape(parse(english[key]))
    if (sorted(translated.args) !== sorted(original.args)) {
      problems.push(`"${key}" uses {${sorted(translated.args)}} where English uses {${sorted(original.args)}}`)
    }
    if (sorted(translated.tags) !== sorted(original.tags)) {
      problems.push(`"${key}" uses tags <${sorted(translated.tags)}> where English uses <${sorted(original.tags)}>`)
    }
    for (const plural of translated.plurals) {
      const allowed = plural.ordinal ? ordinal : cardinal
      const unknown = plural.keys.filter((k) => !k.startsWith('=') && !allowed.has(k))
      if (unknown.length > 0) {
        problems.push(`"${key}" has plural branches ${unknown.join(', ')} that ${locale} does not use`)
      }
      if (!plural.keys.includes('other')) problems.push(`"${key}" has a plural without "other"`)
    }
  }
  return problems
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [locale, file] = process.argv.slice(2)
  const read = (path) => JSON.parse(readFileSync(path, 'utf8'))
  const english = read(new URL('../src/i18n/messages/en.json', import.meta.url))
  const problems = translationProblems(locale, read(file), english)
  if (problems.length > 0) {
    console.error(problems.join('\n'))
    process.exit(1)
  }
  console.log(`${file}: ${Object.keys(english).length} messages, all sound`)
}
