// End-to-end run of sharing in the web UI: send a file with a password and a download limit,
// open the link as a stranger in a fresh browser, download, and find the download in the
// sender's activity and the audit log. Driven by dev.ferry.web.ShareUiEndToEndIntegrationTests;
// by hand: FERRY_URL=... FERRY_EMAIL=... FERRY_PASSWORD=... node e2e/share-e2e.mjs
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { captureScreen, check, logger, openBrowser, required, sha256, submitSignIn } from './browser.mjs'

const base = required('FERRY_URL')
const email = required('FERRY_EMAIL')
const password = required('FERRY_PASSWORD')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'share-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const TIMEOUT = 60_000
const SHARE_PASSWORD = 'harbour-lights-42'
const FILE = `harbour-plan-${randomBytes(3).toString('hex')}.pdf`

mkdirSync(shots, { recursive: true })
const work = mkdtempSync(join(tmpdir(), 'ferry-share-e2e-'))
const result = { screens: {}, screenshots: [], csp: [], pageErrors: [] }

const log = logger('share-e2e')

const capture = (page, name) => captureScreen(page, name, { shots, result })

const sender = await openBrowser({ executablePath })
const stranger = await openBrowser({ executablePath })
try {
  const { page } = sender
  page.setDefaultTimeout(TIMEOUT)
  await page.goto(`${base}/files`)
  await submitSignIn(page, email, password)
  await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()

  await page.getByRole('link', { name: 'Transfers' }).first().click()
  await page.getByRole('heading', { name: 'Transfers', exact: true }).waitFor()
  await page.getByRole('link', { name: 'New transfer' }).click()
  await page.getByRole('heading', { name: 'New transfer', exact: true }).waitFor()

  const source = join(work, FILE)
  const bytes = randomBytes(1_500_000)
  writeFileSync(source, bytes)
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Upload new' }).click()])
  await chooser.setFiles(source)
  await page.getByText('1 file selected').waitFor()
  check(await page.getByRole('checkbox', { name: `Send ${FILE}` }).isChecked(), 'the uploaded file was not picked')
  await page.getByLabel('Title', { exact: true }).fill('Harbour plan')
  await page.getByLabel('Recipients', { exact: true }).fill('bob@ferry.test')
  await page.getByLabel('Message', { exact: true }).fill('The plan for the new harbour, as discussed.')
  await page.getByLabel('Download limit').fill('2')
  await page.getByLabel('Password', { exact: true }).fill(SHARE_PASSWORD)
  await capture(page, 'transfer-new')
  await page.getByRole('button', { name: 'Create transfer' }).click()
  await page.getByRole('heading', { name: 'Transfer ready' }).waitFor()
  const url = await page.getByLabel('Share link').inputValue()
  check(/\/s\/[A-Za-z0-9_-]{43}$/.test(url), `share link looks wrong: ${url}`)
  await page.getByRole('img', { name: /QR code/ }).waitFor()
  await capture(page, 'transfer-created')
  log(`transfer created: ${url}`)

  // A stranger: another browser profile, no cookies, no account.
  const visitor = stranger.page
  visitor.setDefaultTimeout(TIMEOUT)
  await visitor.goto(url)
  await visitor.getByRole('heading', { name: 'Harbour plan' }).waitFor()
  await capture(visitor, 'share-locked')
  await visitor.getByLabel('Password').fill('wrong-password')
  await visitor.getByRole('button', { name: 'Unlock' }).click()
  await visitor.getByRole('alert').waitFor()
  await visitor.getByLabel('Password').fill(SHARE_PASSWORD)
  await visitor.getByRole('button', { name: 'Unlock' }).click()
  await visitor.getByText('The plan for the new harbour').waitFor()
  await visitor.getByText('2 downloads left').waitFor()
  await capture(visitor, 'share-files')
  const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.getByRole('button', { name: `Download ${FILE}` }).click()])
  check(download.suggestedFilename() === FILE, `downloaded as ${download.suggestedFilename()}`)
  const saved = join(work, 'downloaded.pdf')
  await download.saveAs(saved)
  const received = sha256(readFileSync(saved))
  check(received === sha256(bytes), 'the downloaded file differs from the uploaded one')
  result.download = { sha256: received, size: bytes.length }
  await visitor.getByText('1 download left').waitFor()
  log('stranger unlocked the link and downloaded the exact bytes')

  await visitor.goto(url.replace(/\/s\/.*/, '/s/' + 'x'.repeat(43)))
  await visitor.getByRole('heading', { name: 'This link does not work' }).waitFor()
  await capture(visitor, 'share-not-found')

  // The sender sees it in the transfer's activity, and the admin in the audit log.
  await page.getByRole('link', { name: 'View transfer' }).click()
  await page.getByRole('heading', { name: 'Transfers', exact: true }).waitFor()
  await page.getByRole('region', { name: 'Activity' }).getByText(FILE, { exact: false }).waitFor()
  await page.getByText('1 of 2 downloads').waitFor()
  await capture(page, 'transfers')
  log('the download shows in the sender activity')

  await page.goto(`${base}/admin/audit`)
  await page.getByRole('heading', { name: 'Audit log' }).waitFor()
  await page.getByText('share.download').first().waitFor()
  log('the download is in the audit log')

  // An upload request: the stranger sends a file in without an account, the owner sees it arrive.
  await page.goto(`${base}/requests`)
  await page.getByRole('heading', { name: 'Upload requests', exact: true }).waitFor()
  await page.getByRole('button', { name: 'New request' }).click()
  await page.getByLabel('Title', { exact: true }).fill('Signed contract')
  await page.getByLabel('Message', { exact: true }).fill('Please send the signed copy.')
  await page.getByRole('button', { name: 'Create link' }).click()
  const requestUrl = await page.getByLabel('Upload link').inputValue()
  check(/\/u\/[A-Za-z0-9_-]{43}$/.test(requestUrl), `upload link looks wrong: ${requestUrl}`)
  await capture(page, 'request-created')
  await page.getByRole('button', { name: 'Close', exact: true }).click()

  await visitor.goto(requestUrl)
  await visitor.getByRole('heading', { name: 'Signed contract' }).waitFor()
  const contract = join(work, 'contract-signed.pdf')
  writeFileSync(contract, randomBytes(300_000))
  const chooseButton = visitor.getByRole('button', { name: 'Choose files' })
  await visitor.waitForFunction(() => !document.querySelector('button[aria-busy]') && [...document.querySelectorAll('button')].some((b) => b.textContent?.includes('Choose files') && !b.disabled))
  const [picker] = await Promise.all([visitor.waitForEvent('filechooser'), chooseButton.click()])
  await picker.setFiles(contract)
  await visitor.getByText('1 of 1 upload complete').waitFor()
  await capture(visitor, 'request-public')

  await page.reload()
  await page.getByRole('button', { name: /Signed contract/ }).click()
  await page.getByText('contract-signed.pdf').waitFor()
  await capture(page, 'requests')
  log('a stranger sent a file through an upload request and the owner sees it')

  // A link with a CAPTCHA: the stranger's browser solves the proof of work, then downloads.
  await page.goto(`${base}/transfers/new`)
  await page.getByRole('heading', { name: 'New transfer', exact: true }).waitFor()
  await page.getByRole('checkbox', { name: `Send ${FILE}` }).check()
  await page.getByLabel('Title', { exact: true }).fill('Harbour plan, public')
  await page.getByRole('checkbox', { name: /Require a CAPTCHA/ }).check()
  await page.getByRole('button', { name: 'Create transfer' }).click()
  await page.getByRole('heading', { name: 'Transfer ready' }).waitFor()
  const captchaUrl = await page.getByLabel('Share link').inputValue()
  // The solution waits until the screenshot is taken, so it shows the check, not the files.
  let release
  const held = new Promise((resolve) => (release = resolve))
  await visitor.route('**/api/v1/share/*/captcha', async (route) => {
    await held
    await route.continue()
  })
  await visitor.goto(captchaUrl)
  await visitor.getByRole('heading', { name: 'Harbour plan, public' }).waitFor()
  await visitor.getByRole('status', { name: 'Browser check' }).waitFor()
  await visitor.locator('altcha-widget .altcha[data-state="verified"]').waitFor()
  await capture(visitor, 'share-captcha')
  release()
  const [captchaDownload] = await Promise.all([
    visitor.waitForEvent('download'),
    visitor.getByRole('button', { name: `Download ${FILE}` }).click(),
  ])
  const solvedSaved = join(work, 'captcha-downloaded.pdf')
  await captchaDownload.saveAs(solvedSaved)
  check(sha256(readFileSync(solvedSaved)) === sha256(bytes), 'the file behind the CAPTCHA differs from the uploaded one')
  result.captchaDownload = { sha256: sha256(readFileSync(solvedSaved)) }
  await visitor.unroute('**/api/v1/share/*/captcha')
  log('stranger solved the CAPTCHA in the browser and downloaded the exact bytes')

  // Another file of the same name, sent to someone else: it lands beside the first under a
  // numbered name instead of becoming its new version, so the earlier links keep sending
  // what they sent.
  await page.goto(`${base}/transfers/new`)
  await page.getByRole('heading', { name: 'New transfer', exact: true }).waitFor()
  writeFileSync(source, randomBytes(700_000))
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Upload new' }).click()])
  await again.setFiles(source)
  await page.getByText('1 file selected').waitFor()
  const numbered = FILE.replace(/\.pdf$/, ' (1).pdf')
  check(await page.getByRole('checkbox', { name: `Send ${numbered}` }).isChecked(), `the second ${FILE} was not picked as ${numbered}`)
  await page.getByLabel('Title', { exact: true }).fill('Harbour plan, revised')
  await page.getByRole('button', { name: 'Create transfer' }).click()
  await page.getByRole('heading', { name: 'Transfer ready' }).waitFor()
  await visitor.goto(url)
  const unlock = visitor.getByLabel('Password')
  const downloadFirst = visitor.getByRole('button', { name: `Download ${FILE}` })
  await Promise.race([unlock.waitFor(), downloadFirst.waitFor()])
  if (await unlock.isVisible()) {
    await unlock.fill(SHARE_PASSWORD)
    await visitor.getByRole('button', { name: 'Unlock' }).click()
  }
  const [firstAgain] = await Promise.all([visitor.waitForEvent('download'), downloadFirst.click()])
  const againSaved = join(work, 'first-link-again.pdf')
  await firstAgain.saveAs(againSaved)
  check(sha256(readFileSync(againSaved)) === sha256(bytes), 'the first link sends the later file of the same name')
  result.firstLinkAfterSameName = { sha256: sha256(readFileSync(againSaved)) }
  log('a later file of the same name left the first link as it was')

  result.csp = [...sender.problems.csp, ...stranger.problems.csp]
  result.pageErrors = [...sender.problems.errors, ...stranger.problems.errors]
  check(result.csp.length === 0, `CSP violations: ${result.csp.join('\n')}`)
  check(result.pageErrors.length === 0, `page errors: ${result.pageErrors.join('\n')}`)
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
  log('done')
} catch (error) {
  await sender.page.screenshot({ path: join(shots, 'share-failure-sender.png'), fullPage: true }).catch(() => {})
  await stranger.page.screenshot({ path: join(shots, 'share-failure-stranger.png'), fullPage: true }).catch(() => {})
  console.error(error)
  process.exitCode = 1
} finally {
  await sender.close()
  await stranger.close()
}
