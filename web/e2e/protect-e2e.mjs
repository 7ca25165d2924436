// End-to-end run of the protection screens: sign in as an admin, look at the bans and alerts
// (seeded by the driver), the upload policy editor, and the file list with a quarantined file
// (its download and share buttons disabled); a file the policy refuses is refused before a
// byte is sent, in the server's words. Light and dark screenshots with an axe scan of each,
// under the server's CSP. Driven by dev.ferry.protect.ProtectionUiEndToEndIntegrationTests;
// by hand: FERRY_URL=... FERRY_EMAIL=... FERRY_PASSWORD=... FERRY_BANNED=... FERRY_QUARANTINED=...
//          FERRY_SIGNATURE=... node e2e/protect-e2e.mjs
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { captureScreen, check, logger, openBrowser, required, submitSignIn } from './browser.mjs'

const base = required('FERRY_URL')
const email = required('FERRY_EMAIL')
const password = required('FERRY_PASSWORD')
const banned = required('FERRY_BANNED')
const quarantined = required('FERRY_QUARANTINED')
const signature = required('FERRY_SIGNATURE')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'protect-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const TIMEOUT = 60_000

mkdirSync(shots, { recursive: true })
const work = mkdtempSync(join(tmpdir(), 'ferry-protect-e2e-'))
const result = { screens: {}, screenshots: [], csp: [], pageErrors: [], refusal: null, downloadDisabled: null }
const log = logger('protect-e2e')

const browser = await openBrowser({ executablePath })
const { page } = browser
page.setDefaultTimeout(TIMEOUT)

const capture = (name) => captureScreen(page, name, { shots, result, fullPage: false })

try {
  await page.goto(`${base}/admin/protection`)
  await page.getByRole('heading', { name: 'Sign in to Ferry' }).waitFor()
  await submitSignIn(page, email, password)
  await page.getByText(banned, { exact: true }).waitFor()
  await page.getByText('Live', { exact: true }).waitFor()
  await page.getByText('Account failing from many addresses').first().waitFor()
  check((await page.getByText('failed_credentials').count()) === 0, 'a raw reason slug is shown')
  await capture('admin-protection')
  log('bans and alerts shown in words')

  await page.goto(`${base}/admin/upload-policy`)
  await page.getByRole('heading', { name: 'Upload policy', exact: true }).waitFor()
  await page.getByRole('heading', { name: /Rule 1/ }).waitFor()
  await capture('admin-upload-policy')
  log('upload policy editor shows the rule')

  await page.goto(`${base}/files`)
  await page.getByText(`Infected: ${signature}`).waitFor()
  const download = page.getByRole('button', { name: `${quarantined} is quarantined` }).first()
  result.downloadDisabled = await download.isDisabled()
  check(result.downloadDisabled, 'the quarantined file can still be downloaded')
  await capture('files-quarantined')

  const refused = join(work, 'notes.md')
  writeFileSync(refused, 'not a text file by the policy')
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Upload files' }).first().click(),
  ])
  await chooser.setFiles(refused)
  const toast = page.getByText(/notes\.md: Upload policy rule 1/)
  await toast.waitFor()
  result.refusal = await toast.textContent()
  log(`refused before sending: ${result.refusal}`)
} catch (error) {
  await page.screenshot({ path: join(shots, 'protect-failure.png'), fullPage: true }).catch(() => {})
  result.error = String(error?.stack ?? error)
  throw error
} finally {
  result.csp = browser.problems.csp
  result.pageErrors = browser.problems.errors
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
  await browser.close()
}
