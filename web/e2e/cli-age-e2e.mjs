// The ferry CLI and the browser open each other's end-to-end encrypted transfers: a stranger's
// Chromium decrypts a transfer that `ferry send --e2e --passphrase` made, and a transfer the
// browser encrypted with a link key is handed back (link, name, SHA-256) for `ferry download
// --e2e`. Driven by the CLI's dev.ferry.cli.E2eBrowserIntegrationTests.
// By hand: FERRY_URL=... FERRY_EMAIL=... FERRY_PASSWORD=... FERRY_CLI_URL=... FERRY_CLI_NAME=...
//   FERRY_CLI_SHA=... FERRY_PASSPHRASE=... FERRY_E2E_RESULT=out.json node e2e/cli-age-e2e.mjs
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { check, logger, openBrowser, required, sha256, submitSignIn } from './browser.mjs'

const base = required('FERRY_URL')
const email = required('FERRY_EMAIL')
const password = required('FERRY_PASSWORD')
const cliUrl = required('FERRY_CLI_URL')
const cliName = required('FERRY_CLI_NAME')
const cliSha = required('FERRY_CLI_SHA')
const passphrase = required('FERRY_PASSPHRASE')
const resultFile = required('FERRY_E2E_RESULT')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const TIMEOUT = 90_000

const work = mkdtempSync(join(tmpdir(), 'ferry-cli-age-e2e-'))
const result = { csp: [], pageErrors: [] }
const log = logger('cli-age-e2e')

const sender = await openBrowser({ executablePath })
const stranger = await openBrowser({ executablePath })
try {
  // 1. The CLI's passphrase transfer opens on the share page with the passphrase typed in.
  const visitor = stranger.page
  visitor.setDefaultTimeout(TIMEOUT)
  await visitor.goto(cliUrl)
  await visitor.getByLabel('Passphrase').fill(passphrase)
  await visitor.getByRole('button', { name: 'Decrypt' }).click()
  const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.getByRole('button', { name: `Download ${cliName}` }).click()])
  const saved = join(work, 'from-cli')
  await download.saveAs(saved)
  check(download.suggestedFilename() === cliName, `saved as ${download.suggestedFilename()}, not ${cliName}`)
  check(sha256(readFileSync(saved)) === cliSha, 'the CLI passphrase file decrypted differently in the browser')
  log('the browser decrypted the CLI passphrase transfer')

  // 2. A link-key transfer encrypted in the browser, for the CLI to open.
  const { page } = sender
  page.setDefaultTimeout(TIMEOUT)
  await page.goto(`${base}/files`)
  await submitSignIn(page, email, password)
  await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()
  const bytes = randomBytes(200_000)
  const name = 'from-the-browser.bin'
  writeFileSync(join(work, name), bytes)
  await page.goto(`${base}/transfers/new`)
  await page.getByRole('heading', { name: 'New transfer', exact: true }).waitFor()
  await page.getByRole('switch', { name: 'End-to-end encrypted' }).check()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files to encrypt' }).click()])
  await chooser.setFiles([join(work, name)])
  await page.getByRole('button', { name: 'Encrypt and create transfer' }).click()
  await page.getByRole('heading', { name: 'Transfer ready' }).waitFor()
  result.browserUrl = await page.getByLabel('Share link').inputValue()
  result.browserName = name
  result.browserSha = sha256(bytes)
  log('the browser encrypted a link-key transfer')

  result.csp = [...sender.problems.csp, ...stranger.problems.csp]
  result.pageErrors = [...sender.problems.errors, ...stranger.problems.errors]
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
  log('done')
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await sender.close()
  await stranger.close()
}
