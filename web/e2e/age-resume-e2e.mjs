// An end-to-end encrypted download survives a page reload: a stranger's Chromium starts
// decrypting a 50 MB age file (network throttled so the reload lands mid-way), reloads the
// share page, downloads again, and the page continues with a Range request from the first
// chunk it had not saved; the file it hands over has the original SHA-256. Driven by
// dev.ferry.web.E2eDownloadResumeUiEndToEndIntegrationTests.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { check, logger, openBrowser, required, sha256 } from './browser.mjs'

const url = required('FERRY_AGE_URL')
const name = required('FERRY_AGE_NAME')
const expected = required('FERRY_AGE_SHA')
const resultFile = required('FERRY_E2E_RESULT')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const TIMEOUT = 120_000

const work = mkdtempSync(join(tmpdir(), 'ferry-age-resume-e2e-'))
const result = { csp: [], pageErrors: [], ranges: [] }
const log = logger('age-resume-e2e')

const stranger = await openBrowser({ executablePath })
try {
  const { page, context } = stranger
  page.setDefaultTimeout(TIMEOUT)
  page.on('response', (response) => {
    const range = response.request().headers()['range']
    if (range && response.url().includes('/download')) result.ranges.push({ range, status: response.status() })
  })
  const cdp = await context.newCDPSession(page)
  const throttle = (bytesPerSecond) =>
    cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: bytesPerSecond, uploadThroughput: -1 })

  await page.goto(url)
  await throttle(3 * 1024 * 1024)
  await page.getByRole('button', { name: `Download ${name}` }).click()
  await page.waitForFunction(() => /Decrypting .*: ([3-9]\d)%/.test(document.body.innerText))
  log('reloading mid-way')
  await page.reload()
  await throttle(-1)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${name}` }).click()])
  const saved = join(work, 'resumed')
  await download.saveAs(saved)
  check(sha256(readFileSync(saved)) === expected, 'the resumed download decrypted differently')
  check(result.ranges.length > 0, 'the second download asked for no Range')
  log(`resumed with ${JSON.stringify(result.ranges)}`)

  result.csp = stranger.problems.csp
  result.pageErrors = stranger.problems.errors
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
  log('done')
} catch (error) {
  await stranger.page.screenshot({ path: join(work, 'age-resume-failure.png'), fullPage: true }).catch(() => {})
  console.error(error)
  process.exitCode = 1
} finally {
  await stranger.close()
}
