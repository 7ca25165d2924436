// End-to-end run of native downloads: an owner file from the Files page, the audit export,
// and a password-protected share file, each saved by Chromium's own download manager through
// a download ticket (never fetched into the page with the Authorization header). Driven by
// dev.ferry.web.DownloadUiEndToEndIntegrationTests;
// by hand: FERRY_URL=... FERRY_EMAIL=... FERRY_PASSWORD=... node e2e/downloads-e2e.mjs
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { captureScreen, check, logger, openBrowser, required, sha256, submitSignIn } from './browser.mjs'

const base = required('FERRY_URL')
const email = required('FERRY_EMAIL')
const password = required('FERRY_PASSWORD')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'downloads-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const TIMEOUT = 60_000
const SHARE_PASSWORD = 'lighthouse-keeper-7'
const FILE = `survey-${randomBytes(3).toString('hex')}.bin`

mkdirSync(shots, { recursive: true })
const work = mkdtempSync(join(tmpdir(), 'ferry-downloads-e2e-'))
const result = { downloads: {}, screens: {}, screenshots: [], csp: [], pageErrors: [] }

const log = logger('downloads-e2e')

async function api(path, init = {}, token = null) {
  const headers = { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...init.headers }
  const response = await fetch(`${base}${path}`, { ...init, headers })
  const text = await response.text()
  check(response.ok, `${init.method ?? 'GET'} ${path} answered ${response.status}: ${text}`)
  return text ? JSON.parse(text) : null
}

/** Every request the page makes, so a test can tell a native download from a script's fetch. */
function recordRequests(page) {
  const seen = []
  page.on('request', (request) => seen.push({ url: request.url(), type: request.resourceType(), authorization: request.headers().authorization ?? null }))
  return seen
}

/** Clicks, waits for the browser's download event and checks the saved bytes. */
async function nativeDownload(page, seen, click, expected, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  const saved = join(work, `${name}-${download.suggestedFilename()}`)
  await download.saveAs(saved)
  const bytes = readFileSync(saved)
  const url = download.url()
  check(url.includes('ticket=fdt_'), `${name}: the download did not use a ticket URL: ${url}`)
  const path = new URL(url).pathname
  const scripted = seen.filter((r) => new URL(r.url).pathname === path && (r.type === 'fetch' || r.type === 'xhr' || r.authorization))
  check(scripted.length === 0, `${name}: the page fetched the file itself: ${JSON.stringify(scripted)}`)
  if (expected) check(sha256(bytes) === sha256(expected), `${name}: the saved file differs from the uploaded one`)
  result.downloads[name] = { filename: download.suggestedFilename(), size: bytes.length, sha256: sha256(bytes), ticket: true }
  log(`${name}: native download of ${bytes.length} bytes as ${download.suggestedFilename()}`)
  return bytes
}

const capture = (page, name) => captureScreen(page, name, { shots, result, phone: 'shot' })

// The objects, made through the API: what is under test is how the browser downloads them.
const token = (await api('/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) })).access_token
const content = randomBytes(3_000_000)
const file = await api(`/api/v1/files/content?path=${encodeURIComponent(`/${FILE}`)}`, { method: 'PUT', body: content, headers: { 'Content-Type': 'application/octet-stream' } }, token)
const transfer = await api(
  '/api/v1/transfers',
  { method: 'POST', body: JSON.stringify({ title: 'Lighthouse survey', file_ids: [file.id], link: { password: SHARE_PASSWORD, max_downloads: 2 } }) },
  token,
)
const shareUrl = `${base}/s/${transfer.link.token}`

const owner = await openBrowser({ executablePath })
const stranger = await openBrowser({ executablePath })
try {
  const { page } = owner
  page.setDefaultTimeout(TIMEOUT)
  const ownerRequests = recordRequests(page)
  await page.goto(`${base}/files`)
  await submitSignIn(page, email, password)
  await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()
  await page.getByText(FILE).first().waitFor()
  await nativeDownload(page, ownerRequests, () => page.getByRole('button', { name: `Download ${FILE}` }).first().click(), content, 'owner-file')
  await capture(page, 'downloads-files')

  await page.goto(`${base}/admin/audit`)
  await page.getByRole('button', { name: 'Export as CSV' }).waitFor()
  const csv = await nativeDownload(page, ownerRequests, () => page.getByRole('button', { name: 'Export as CSV' }).click(), null, 'audit-export')
  check(csv.toString('utf8').startsWith('id,seq,'), `the audit export is not CSV: ${csv.subarray(0, 80).toString('utf8')}`)

  const visitor = stranger.page
  visitor.setDefaultTimeout(TIMEOUT)
  const visitorRequests = recordRequests(visitor)
  await visitor.goto(shareUrl)
  await visitor.getByLabel('Password').fill(SHARE_PASSWORD)
  await visitor.getByRole('button', { name: 'Unlock' }).click()
  await visitor.getByText('2 downloads left').waitFor()
  await nativeDownload(visitor, visitorRequests, () => visitor.getByRole('button', { name: `Download ${FILE}` }).click(), content, 'share-file')
  await visitor.getByText('1 download left').waitFor()
  await capture(visitor, 'downloads-share')
  log('the share counted the download once')

  result.csp = [...owner.problems.csp, ...stranger.problems.csp]
  result.pageErrors = [...owner.problems.errors, ...stranger.problems.errors]
} catch (error) {
  await owner.page.screenshot({ path: join(shots, 'downloads-failure-owner.png'), fullPage: true }).catch(() => {})
  await stranger.page.screenshot({ path: join(shots, 'downloads-failure-stranger.png'), fullPage: true }).catch(() => {})
  throw error
} finally {
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
  await owner.close()
  await stranger.close()
}
