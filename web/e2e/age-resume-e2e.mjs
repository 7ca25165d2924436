// An end-to-end encrypted download survives a page reload: a stranger's Chromium starts
// decrypting a 50 MB age file (network throttled so the reload lands mid-way), reloads the
// share page, downloads again, and the page continues with a Range request from the first
// chunk it had not saved; the file it hands over has the original SHA-256. Then the app,
// started again, removes decrypted segments left in OPFS by abandoned downloads and keeps
// those of a download in progress, and the wrapped keys of an abandoned encrypted upload.
// The decrypting worker loads libsodium's WebAssembly cipher under the served CSP. Driven by
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
const result = { csp: [], pageErrors: [], ranges: [], libsodium: [] }
const log = logger('age-resume-e2e')

const stranger = await openBrowser({ executablePath })
try {
  const { page, context } = stranger
  page.setDefaultTimeout(TIMEOUT)
  // The context sees the workers' requests too: the opening worker imports the cipher chunk.
  context.on('response', (response) => {
    if (/\/assets\/libsodium-wrappers-[\w-]+\.js$/.test(response.url())) result.libsodium.push(response.status())
  })
  page.on('response', (response) => {
    const range = response.request().headers()['range']
    if (range && response.url().includes('/download')) result.ranges.push({ range, status: response.status() })
  })
  const cdp = await context.newCDPSession(page)
  const throttle = (bytesPerSecond) =>
    cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: bytesPerSecond, uploadThroughput: -1 })

  await page.goto(url)
  // The page registers its saving service worker at once; a click while that worker is still
  // activating (clients.claim) sends the download through it mid-start. A person clicks later.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
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
  check(result.libsodium.includes(200), 'no worker loaded the libsodium cipher chunk')
  // The served CSP lets the page compile WebAssembly (the cipher's fallback would hide it otherwise).
  check(
    await page.evaluate(() => WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => true, () => false)),
    'the CSP refused WebAssembly',
  )
  log(`resumed with ${JSON.stringify(result.ranges)}`)

  // Left behind by closed tabs: a folder of no known download, one abandoned two days ago,
  // and one of a download in progress (touched now). The next start of the app sweeps.
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory()
    for (const name of ['e2e-orphan', 'e2e-abandoned', 'e2e-in-progress']) {
      const file = await (await root.getDirectoryHandle(name, { create: true })).getFileHandle('0', { create: true })
      const out = await file.createWritable()
      await out.write('decrypted bytes left behind')
      await out.close()
    }
    const db = await new Promise((resolve, reject) => {
      const opening = indexedDB.open('ferry-e2e-downloads', 1)
      opening.onupgradeneeded = () => opening.result.createObjectStore('downloads')
      opening.onsuccess = () => resolve(opening.result)
      opening.onerror = () => reject(opening.error)
    })
    const put = (value, key) =>
      new Promise((resolve, reject) => {
        const request = db.transaction('downloads', 'readwrite').objectStore('downloads').put(value, key)
        request.onsuccess = resolve
        request.onerror = () => reject(request.error)
      })
    await put({ nonce: 'n', sealedSize: 1, segments: 1, touched: Date.now() - 2 * 24 * 60 * 60 * 1000 }, 'abandoned')
    await put({ nonce: 'n', sealedSize: 1, segments: 1, touched: Date.now() }, 'in-progress')
    db.close()
    // And the wrapped keys of an E2E upload abandoned two days ago beside one saved now.
    const uploads = await new Promise((resolve, reject) => {
      const opening = indexedDB.open('ferry-e2e', 1)
      opening.onupgradeneeded = () => opening.result.createObjectStore('pending')
      opening.onsuccess = () => resolve(opening.result)
      opening.onerror = () => reject(opening.error)
    })
    const record = (saved) => ({ uploadUrl: null, header: 'h', nonce: 'n', fileKey: 'k', saved })
    for (const [key, value] of [
      ['file:abandoned.bin:1:1', record(Date.now() - 2 * 24 * 60 * 60 * 1000)],
      ['file:in-progress.bin:1:1', record(Date.now())],
    ]) {
      await new Promise((resolve, reject) => {
        const request = uploads.transaction('pending', 'readwrite').objectStore('pending').put(value, key)
        request.onsuccess = resolve
        request.onerror = () => reject(request.error)
      })
    }
    uploads.close()
  })
  await page.reload()
  // The sweep runs in the background of the app's start. waitForFunction polls a synchronous
  // predicate (a returned Promise would count as truthy), so each poll starts a listing of
  // OPFS and reads the last one finished.
  await page.waitForFunction(() => {
    window.ferryListing ??= (async () => {
      const names = []
      for await (const name of (await navigator.storage.getDirectory()).keys()) names.push(name)
      window.ferryFolders = names
      window.ferryListing = null
    })()
    const names = window.ferryFolders
    return names && !names.includes('e2e-orphan') && !names.includes('e2e-abandoned')
  })
  result.foldersAfterSweep = await page.evaluate(() => window.ferryFolders)
  check(result.foldersAfterSweep.includes('e2e-in-progress'), 'the sweep removed the segments of a download in progress')
  log(`swept OPFS, left: ${JSON.stringify(result.foldersAfterSweep)}`)
  await page.waitForFunction(() => {
    window.ferryPendingListing ??= new Promise((resolve) => {
      const opening = indexedDB.open('ferry-e2e', 1)
      opening.onsuccess = () => {
        const request = opening.result.transaction('pending').objectStore('pending').getAllKeys()
        request.onsuccess = () => {
          window.ferryPending = request.result.map(String)
          window.ferryPendingListing = null
          opening.result.close()
          resolve()
        }
      }
    })
    const keys = window.ferryPending
    return keys && !keys.includes('file:abandoned.bin:1:1')
  })
  result.pendingAfterSweep = await page.evaluate(() => window.ferryPending)
  check(result.pendingAfterSweep.includes('file:in-progress.bin:1:1'), 'the sweep removed the keys of an upload in progress')
  log(`swept IndexedDB, left: ${JSON.stringify(result.pendingAfterSweep)}`)

  result.csp = stranger.problems.csp
  result.pageErrors = stranger.problems.errors
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
  log('done')
} catch (error) {
  await stranger.page.screenshot({ path: join(work, 'age-resume-failure.png'), fullPage: true }).catch(() => {})
  // What the page showed and threw: the driver test's failure message is all CI keeps.
  const shown = await stranger.page.evaluate(() => document.body.innerText).catch(() => '(no page)')
  console.error(error)
  console.error(`page text: ${shown.slice(0, 2000)}\npage errors: ${JSON.stringify(stranger.problems.errors)}`)
  process.exitCode = 1
} finally {
  await stranger.close()
}
