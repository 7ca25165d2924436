// End-to-end run of the everyday Files features in the web UI: tags a file and filters the
// list by the tag (only that file stays), uploads a larger file under throttled upload
// bandwidth and sees the progress bar and the time left while it runs, and checks at phone
// size (390×844) that the Files page does not scroll sideways.
// Driven by dev.ferry.web.FilesUiEndToEndIntegrationTests, which seeds three files; by hand:
// FERRY_URL=... FERRY_EMAIL=... FERRY_PASSWORD=... node e2e/files-daily-e2e.mjs
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { captureScreen, check, checkPhoneFit, logger, openBrowser, required, runSteps, submitSignIn } from './browser.mjs'

const base = required('FERRY_URL')
const email = required('FERRY_EMAIL')
const password = required('FERRY_PASSWORD')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'files-daily-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const TAG = 'invoices'
const BIG = `survey-${randomBytes(3).toString('hex')}.bin`

mkdirSync(shots, { recursive: true })
const work = mkdtempSync(join(tmpdir(), 'ferry-files-daily-e2e-'))
const result = { screens: {}, screenshots: [], csp: [], pageErrors: [] }
const log = logger('files-daily-e2e')
const capture = (page, name) => captureScreen(page, name, { shots, result, phone: 'shot', fullPage: false })

/** The names the file table lists now, from its row checkboxes. */
const listed = (page) =>
  page
    .getByRole('checkbox', { name: /^Select (?!all)/ })
    .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('aria-label').replace(/^Select /, '')))

const browser = await openBrowser({ executablePath })
await runSteps(browser, { name: 'files-daily', shots, result, resultFile }, async () => {
  const page = browser.page
  page.setDefaultTimeout(60_000)
  await page.goto(`${base}/files`)
  await submitSignIn(page, email, password)
  await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()
  await page.getByText('gamma.txt', { exact: true }).waitFor()

  // Tag one file, then filter by the tag: only it is listed.
  await page.getByRole('checkbox', { name: 'Select alpha.txt' }).check()
  await page.getByRole('region', { name: 'Selected files' }).getByRole('button', { name: 'Add tag' }).click()
  const dialog = page.getByRole('dialog', { name: 'Tag 1 file' })
  await dialog.getByLabel('Tag', { exact: true }).fill(TAG)
  await dialog.getByRole('button', { name: 'Add tag' }).click()
  await dialog.waitFor({ state: 'hidden' })
  await page.getByRole('button', { name: `Show files tagged ${TAG}` }).waitFor()
  await page.getByRole('region', { name: 'Selected files' }).waitFor({ state: 'hidden' })
  check((await listed(page)).length === 3, `expected three files before filtering, saw ${await listed(page)}`)
  await page.getByRole('combobox', { name: 'Tag', exact: true }).selectOption(TAG)
  // The filtered list replaces the full one: wait until both others left and alpha is back.
  await page.getByText('beta.txt', { exact: true }).waitFor({ state: 'hidden' })
  await page.getByText('gamma.txt', { exact: true }).waitFor({ state: 'hidden' })
  await page.getByRole('checkbox', { name: 'Select alpha.txt' }).waitFor()
  result.filtered = await listed(page)
  check(
    result.filtered.length === 1 && result.filtered[0] === 'alpha.txt',
    `the tag filter lists ${JSON.stringify(result.filtered)}`,
  )
  check(new URL(page.url()).searchParams.get('tag') === TAG, `the filter is not in the URL: ${page.url()}`)
  await capture(page, 'files-tag-filter')
  log(`filtering by ${TAG} lists only alpha.txt`)

  // A larger upload under throttled bandwidth: the tray shows progress and the time left.
  await page.goto(`${base}/files`)
  await page.getByText('gamma.txt', { exact: true }).waitFor()
  const source = join(work, BIG)
  writeFileSync(source, randomBytes(24 * 1024 * 1024))
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 1024 * 1024,
  })
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Upload files' }).first().click(),
  ])
  await chooser.setFiles(source)
  const tray = page.getByRole('region', { name: 'Uploads' })
  const bar = tray.getByRole('progressbar', { name: `${BIG} upload progress` })
  await bar.waitFor()
  await page.waitForFunction(
    (name) => {
      const el = document.querySelector(`[role="progressbar"][aria-label="${name} upload progress"]`)
      const now = Number(el?.getAttribute('aria-valuenow') ?? 0)
      return now > 0 && now < 100
    },
    BIG,
    { timeout: 60_000 },
  )
  // Waits for a measured time left (digits), not the dash shown before the speed is known.
  const summary = tray.getByText(/^\d+% · [^·]+ · [^·]*\d[^·]* left$/)
  await summary.waitFor()
  result.progress = {
    value: Number(await bar.getAttribute('aria-valuenow')),
    summary: await summary.textContent(),
  }
  await page.screenshot({ path: join(shots, 'files-upload-progress.png') })
  result.screenshots.push(join(shots, 'files-upload-progress.png'))
  log(`upload in progress: ${result.progress.value}% (${result.progress.summary})`)
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  })
  await tray.getByText('1 of 1 upload complete').waitFor({ timeout: 120_000 })
  log('the upload completed')

  // Phone size: nothing sticks out sideways.
  await page.goto(`${base}/files`)
  await page.getByText('gamma.txt', { exact: true }).waitFor()
  result.phone = await checkPhoneFit(page, join(shots, 'files-phone-390.png'), 'the Files page', result)
  log(`phone size fits: ${JSON.stringify(result.phone)}`)
})
log('done')
