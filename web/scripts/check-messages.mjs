// Fails the build when the English catalogue drifts from the messages in the code, when a
// pseudo-locale was not regenerated, or when another language lacks a key, keeps a key the
// code no longer uses, breaks ICU syntax, or differs from English in arguments, tags or plural
// branches (translation-shape.mjs).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PSEUDO_LOCALES, render } from './pseudo-locale.mjs'
import { translationProblems } from './translation-shape.mjs'

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
  const locale = file.slice(0, -'.json'.length)
  for (const problem of translationProblems(locale, read(join(dir, file)), fromCode)) {
    problems.push(`${file}: ${problem}`)
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'))
  process.exit(1)
}
