// Fails the build when the English catalogue drifts from the messages in the code, when a
// pseudo-locale was not regenerated, or when another language lacks a key, keeps a key the
// code no longer uses, or breaks ICU syntax.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from '@formatjs/icu-messageformat-parser'
import { PSEUDO_LOCALES, render } from './pseudo-locale.mjs'

const dir = 'src/i18n/messages'
const extracted = join(mkdtempSync(join(tmpdir(), 'ferry-i18n-')), 'en.json')
execFileSync(
  'npx',
  [
    'formatjs',
    'extract',
    'src/**/*.{ts,tsx}',
    '--ignore',
    'src/**/*.test.{ts,tsx}',
    '--ignore',
    'src/api/schema.d.ts',
    '--format',
    'simple',
    '--out-file',
    extracted,
  ],
  { stdio: 'inherit' },
)

const read = (file) => JSON.parse(readFileSync(file, 'utf8'))
const fromCode = read(extracted)
const english = read(join(dir, 'en.json'))
const problems = []

if (JSON.stringify(fromCode) !== JSON.stringify(english)) {
  problems.push(`${dir}/en.json differs from the messages in the code: run "npm run i18n:extract"`)
}

for (const locale of PSEUDO_LOCALES) {
  if (readFileSync(join(dir, `${locale}.json`), 'utf8') !== render(english)) {
    problems.push(`${dir}/${locale}.json is stale: run "npm run i18n:pseudo"`)
  }
}

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'en.json')) {
  const catalogue = read(join(dir, file))
  for (const key of Object.keys(fromCode)) {
    if (!(key in catalogue)) problems.push(`${file}: missing "${key}"`)
  }
  for (const [key, message] of Object.entries(catalogue)) {
    if (!(key in fromCode)) problems.push(`${file}: unused "${key}"`)
    try {
      parse(message)
    } catch (e) {
      problems.push(`${file}: "${key}" is not valid ICU MessageFormat (${e.message})`)
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'))
  process.exit(1)
}
