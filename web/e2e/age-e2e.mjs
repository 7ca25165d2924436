// End-to-end encryption in a real browser: the sender encrypts files to age files in the
// browser (link key and passphrase), a stranger decrypts them while they stream to disk; a
// file the age CLI encrypted opens with the link's key; a 50 MB encrypted upload survives a
// reload and resumes. Driven by dev.ferry.web.E2eUiEndToEndIntegrationTests, which checks the
// browser's ciphertext with `age -d` and scans the server for the secrets.
// By hand: FERRY_URL=... FERRY_EMAIL=... FERRY_PASSWORD=... FERRY_MARKER=... node e2e/age-e2e.mjs
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { captureScreen, check, logger, openBrowser, required, sha256, submitSignIn } from './browser.mjs'

const base = required('FERRY_URL')
const email = required('FERRY_EMAIL')
const password = required('FERRY_PASSWORD')
const marker = required('FERRY_MARKER')
const passphrase = required('FERRY_PASSPHRASE')
const cliUrl = process.env.FERRY_AGE_URL
const cliSha = process.env.FERRY_AGE_SHA
const cliName = process.env.FERRY_AGE_NAME
const bobEmail = process.env.FERRY_BOB_EMAIL
const bobPassword = process.env.FERRY_BOB_PASSWORD
const resumeSize = Number(process.env.FERRY_RESUME_BYTES ?? 50 * 1024 * 1024)
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'age-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const TIMEOUT = 90_000

mkdirSync(shots, { recursive: true })
const work = mkdtempSync(join(tmpdir(), 'ferry-age-e2e-'))
const result = { screens: {}, screenshots: [], csp: [], pageErrors: [], work }
const log = logger('age-e2e')
const capture = (page, name) => captureScreen(page, name, { shots, result })

/** Random bytes with the plaintext marker inside, so a scan of the server can look for it. */
function plaintext(name, size) {
  const bytes = randomBytes(size)
  Buffer.from(marker).copy(bytes, Math.min(1000, size - marker.length))
  const path = join(work, name)
  writeFileSync(path, bytes)
  return { path, name, sha: sha256(bytes) }
}

async function newEncryptedTransfer(page) {
  await page.goto(`${base}/transfers/new`)
  await page.getByRole('heading', { name: 'New transfer', exact: true }).waitFor()
  await page.getByRole('switch', { name: 'End-to-end encrypted' }).check()
}

async function chooseFiles(page, ...paths) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files to encrypt' }).click()])
  await chooser.setFiles(paths)
}

async function createAndReadLink(page) {
  await page.getByRole('button', { name: 'Encrypt and create transfer' }).click()
  await page.getByRole('heading', { name: 'Transfer ready' }).waitFor()
  return page.getByLabel('Share link').inputValue()
}

async function downloadAs(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${name}` }).click()])
  const saved = join(work, `got-${randomBytes(4).toString('hex')}`)
  await download.saveAs(saved)
  check(download.suggestedFilename() === name, `saved as ${download.suggestedFilename()}, not ${name}`)
  return sha256(readFileSync(saved))
}

const sender = await openBrowser({ executablePath })
const stranger = await openBrowser({ executablePath })
try {
  const { page } = sender
  page.setDefaultTimeout(TIMEOUT)
  await page.goto(`${base}/files`)
  await submitSignIn(page, email, password)
  await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()
  const visitor = stranger.page
  visitor.setDefaultTimeout(TIMEOUT)
  // The cipher is to run in the UI's dedicated workers, not in the page's fallback.
  const workers = new Set()
  for (const p of [page, visitor]) p.on('worker', (w) => workers.add(new URL(w.url()).pathname.replace(/-[\w-]+\.js$/, '.js')))

  // 1. Link key: the identity travels in the fragment only.
  const report = plaintext('harbour-plan.pdf', 1_500_000)
  await page.goto(`${base}/transfers/new`)
  await page.getByRole('heading', { name: 'New transfer', exact: true }).waitFor()
  await capture(page, 'e2e-switch-off')
  await page.getByRole('switch', { name: 'End-to-end encrypted' }).check()
  await chooseFiles(page, report.path)
  await page.getByLabel('Title', { exact: true }).fill('Secret harbour plan')
  await page.getByLabel('Message', { exact: true }).fill(`Meet at pier seven. ${marker}`)
  await capture(page, 'e2e-key-mode')
  const linkUrl = await createAndReadLink(page)
  check(/\/s\/[A-Za-z0-9_-]{43}#AGE-SECRET-KEY-1[0-9A-Z]+$/.test(linkUrl), `link looks wrong: ${linkUrl}`)
  const identity = linkUrl.slice(linkUrl.indexOf('#') + 1)
  result.identity = identity
  await capture(page, 'e2e-created')
  log('link key transfer created')

  await visitor.goto(linkUrl)
  await visitor.getByRole('heading', { name: 'Secret harbour plan' }).waitFor()
  await visitor.getByText('Meet at pier seven.').waitFor()
  await capture(visitor, 'e2e-recipient')
  check((await downloadAs(visitor, report.name)) === report.sha, 'the decrypted file differs from the original')
  const [keyDownload] = await Promise.all([visitor.waitForEvent('download'), visitor.getByRole('button', { name: 'Save the key as a file' }).click()])
  const keyFile = join(work, 'ferry-key.txt')
  await keyDownload.saveAs(keyFile)
  check(readFileSync(keyFile, 'utf8').trim() === identity, 'the saved key file is not the link key')
  // The raw ciphertext, for `age -d -i ferry-key.txt` in the driver test.
  const token = linkUrl.match(/\/s\/([^#]+)/)[1]
  const info = await (await fetch(`${base}/api/v1/share/${token}`)).json()
  check(info.e2e === true && info.files.length === 1 && info.files[0].age === true, `share info: ${JSON.stringify(info)}`)
  check(!JSON.stringify(info).includes(report.name), 'the server knows the file name')
  const cipher = Buffer.from(await (await fetch(`${base}/api/v1/share/${token}/files/${info.files[0].id}/download`)).arrayBuffer())
  writeFileSync(join(work, 'browser.age'), cipher)
  result.ageCheck = { cipher: join(work, 'browser.age'), key: keyFile, sha256: report.sha }
  log('stranger decrypted the link key transfer')

  // 2. Passphrase: a wrong one fails in the browser, the right one opens.
  const contract = plaintext('contract.txt', 200_000)
  await newEncryptedTransfer(page)
  await chooseFiles(page, contract.path)
  await page.getByRole('radio', { name: /Passphrase/ }).check()
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase)
  await capture(page, 'e2e-passphrase-mode')
  const passUrl = await createAndReadLink(page)
  check(!passUrl.includes('#'), `a passphrase link carries no key: ${passUrl}`)
  await visitor.goto(passUrl)
  await visitor.getByLabel('Passphrase').fill('not the passphrase')
  await visitor.getByRole('button', { name: 'Decrypt' }).click()
  await visitor.getByRole('alert').getByText('does not open').waitFor()
  await capture(visitor, 'e2e-wrong-passphrase')
  await visitor.getByLabel('Passphrase').fill(passphrase)
  await visitor.getByRole('button', { name: 'Decrypt' }).click()
  check((await downloadAs(visitor, contract.name)) === contract.sha, 'the passphrase file differs')
  log('passphrase: wrong one refused, right one decrypted')

  // 3. A file the age CLI encrypted, uploaded with curl, opens with the key in the fragment.
  if (cliUrl) {
    await visitor.goto(cliUrl)
    check((await downloadAs(visitor, cliName)) === cliSha, 'the age CLI file decrypted differently')
    log('a file from the age CLI decrypted in the browser')
  }

  // 4. A 50 MB upload reloaded mid-way resumes at the server's offset.
  const big = plaintext('survey-data.bin', resumeSize)
  let patches = 0
  await page.route('**/api/v1/uploads/**', async (route) => {
    if (route.request().method() === 'PATCH' && ++patches > 2) await new Promise((r) => setTimeout(r, 1500))
    // The reload below aborts a PATCH held here; continuing it then fails, and that is fine.
    await route.continue().catch(() => {})
  })
  await newEncryptedTransfer(page)
  await chooseFiles(page, big.path)
  await page.getByRole('button', { name: 'Encrypt and create transfer' }).click()
  await page.waitForFunction(() => /uploading survey-data\.bin: ([2-9]\d)%/.test(document.body.innerText))
  await page.reload()
  await page.unroute('**/api/v1/uploads/**')
  await page.getByRole('switch', { name: 'End-to-end encrypted' }).check()
  await chooseFiles(page, big.path)
  await page.getByRole('button', { name: 'Encrypt and create transfer' }).click()
  await page.getByText(/Resumed at [1-9]\d*%/).waitFor()
  await page.getByRole('heading', { name: 'Transfer ready' }).waitFor()
  const bigUrl = await page.getByLabel('Share link').inputValue()
  await visitor.goto(bigUrl)
  check((await downloadAs(visitor, big.name)) === big.sha, 'the resumed upload decrypted differently')
  log('a reloaded 50 MB encrypted upload resumed and decrypted')

  // 5. To people: Bob makes a key in his browser; Alice encrypts to it; no secret in the link.
  if (bobEmail) {
    const bob = plaintext('for-bob.txt', 100_000)
    const keyPassphrase = `${passphrase} for bob`
    await visitor.goto(`${base}/account`)
    await submitSignIn(visitor, bobEmail, bobPassword)
    await visitor.getByRole('heading', { name: 'Account', exact: true }).waitFor()
    await visitor.getByLabel('Key passphrase').fill(keyPassphrase)
    await visitor.getByRole('button', { name: 'Create encryption key' }).click()
    await visitor.getByText('Your recipient:').waitFor()
    await newEncryptedTransfer(page)
    await chooseFiles(page, bob.path)
    await page.getByRole('radio', { name: /To people/ }).check()
    await page.getByLabel('People', { exact: true }).fill(bobEmail)
    await capture(page, 'e2e-people-mode')
    const bobUrl = await createAndReadLink(page)
    check(!bobUrl.includes('#'), `a link to people carries no key: ${bobUrl}`)
    await visitor.goto(bobUrl)
    await visitor.getByRole('checkbox', { name: /Sent to my Ferry key/ }).check()
    await visitor.getByLabel('Key passphrase').fill(keyPassphrase)
    await visitor.getByRole('button', { name: 'Decrypt' }).click()
    check((await downloadAs(visitor, bob.name)) === bob.sha, 'the file sent to Bob decrypted differently')
    result.keyPassphrase = keyPassphrase
    log('to people: Bob opened the file with his own key')
  }

  result.workers = [...workers]
  check(workers.has('/assets/seal.worker.js'), `no upload was sealed in the sealing worker: ${result.workers}`)
  check(workers.has('/assets/open.worker.js'), `no download was opened in the opening worker: ${result.workers}`)
  result.csp = [...sender.problems.csp, ...stranger.problems.csp]
  result.pageErrors = [...sender.problems.errors, ...stranger.problems.errors]
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
  log('done')
} catch (error) {
  await sender.page.screenshot({ path: join(shots, 'age-failure-sender.png'), fullPage: true }).catch(() => {})
  await stranger.page.screenshot({ path: join(shots, 'age-failure-stranger.png'), fullPage: true }).catch(() => {})
  console.error(error)
  process.exitCode = 1
} finally {
  await sender.close()
  await stranger.close()
}
