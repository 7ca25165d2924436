// End-to-end run of the web UI against a real Ferry server, in Debian's Chromium.
// Driven by dev.ferry.web.UiEndToEndIntegrationTests; run by hand with:
//   FERRY_URL=http://127.0.0.1:8080 FERRY_EMAIL=... FERRY_PASSWORD=... node e2e/ui-e2e.mjs
// Writes screenshots (light and dark) and a JSON summary; exits non-zero on the first failure.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { captureScreen, check, logger, openBrowser, required, submitSignIn } from './browser.mjs'
import { totp } from './totp.mjs'

const base = required('FERRY_URL')
const email = required('FERRY_EMAIL')
const password = required('FERRY_PASSWORD')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const BIG = 50 * 1000 * 1000
const TIMEOUT = 120_000

mkdirSync(shots, { recursive: true })
rmSync(join(shots, 'failure.png'), { force: true })
const work = mkdtempSync(join(tmpdir(), 'ferry-e2e-files-'))
const result = { screens: {}, screenshots: [], upload: {}, csp: [], pageErrors: [] }
let invitation = null

const log = logger('ui-e2e')

async function sha256(path) {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk)
  return hash.digest('hex')
}

const browser = await openBrowser({ executablePath })
const { page, context } = browser
page.setDefaultTimeout(TIMEOUT)

/** Screenshot in light and dark (the theme follows the system by default), plus an axe scan of each. */
const capture = (name, { ready, mobile = false } = {}) =>
  captureScreen(page, name, { shots, result, ready, phone: mobile ? 'shot' : false, fullPage: false })

async function chooseFiles(trigger, files) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), trigger()])
  await chooser.setFiles(files)
}

let recoveryCode = null

async function signIn() {
  await page.goto(`${base}/files`)
  await page.getByRole('heading', { name: 'Sign in to Ferry' }).waitFor()
  await capture('signin')
  await submitSignIn(page, email, password)
  await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()
  await page.reload()
  await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()
  log('signed in; the session survived a reload through the refresh cookie')
}

async function uploadSmallFiles() {
  const names = [
    'Quarterly report — final version with the appendix and every reviewer comment merged in (v12).pdf',
    'team-offsite-photo.jpg',
    'notes.md',
  ]
  const files = names.map((name, i) => {
    const path = join(work, name)
    writeFileSync(path, randomBytes(20_000 + i * 150_000))
    return path
  })
  await chooseFiles(() => page.getByRole('button', { name: 'Upload files' }).first().click(), files)
  for (const name of names) await page.getByRole('row').filter({ hasText: name }).first().waitFor()
  const folder = join(work, 'Design assets')
  mkdirSync(folder)
  writeFileSync(join(folder, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  writeFileSync(join(folder, 'palette.txt'), 'sea blue')
  await chooseFiles(() => page.getByRole('button', { name: 'Upload folder' }).last().click(), folder)
  await page.getByRole('button', { name: 'Design assets' }).waitFor()

  // Drag and drop anywhere on the page: the overlay shows while dragging, the drop uploads.
  const dropped = await page.evaluateHandle(() => {
    const transfer = new DataTransfer()
    transfer.items.add(new File(['dropped onto the page'], 'dropped-note.txt', { type: 'text/plain' }))
    return transfer
  })
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: dropped })
  await page.getByText('Drop to upload').waitFor()
  await page.dispatchEvent('main', 'drop', { dataTransfer: dropped })
  await page.getByRole('row').filter({ hasText: 'dropped-note.txt' }).waitFor()
  log('uploaded small files, a folder and a dropped file')
}

/** Uploads 50 MB over a throttled link, reloads halfway and checks tus continues from the server's offset. */
async function resumableUpload() {
  const path = join(work, 'big-upload.bin')
  writeFileSync(path, randomBytes(BIG))
  const expected = await sha256(path)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 5, downloadThroughput: -1, uploadThroughput: 3 * 1024 * 1024 })

  await chooseFiles(() => page.getByRole('button', { name: 'Upload files' }).first().click(), path)
  const total = page.getByRole('progressbar', { name: 'big-upload.bin upload progress' })
  await page.waitForFunction(
    () => Number(document.querySelector('[aria-label="big-upload.bin upload progress"]')?.getAttribute('aria-valuenow') ?? 0) >= 10,
    undefined,
    { timeout: TIMEOUT, polling: 200 },
  )
  await capture('files-uploading')
  await page.waitForFunction(
    () => Number(document.querySelector('[aria-label="big-upload.bin upload progress"]')?.getAttribute('aria-valuenow') ?? 0) >= 35,
    undefined,
    { timeout: TIMEOUT, polling: 200 },
  )
  const before = Number(await total.getAttribute('aria-valuenow'))
  log(`reloading at ${before}% of the upload`)

  const afterReload = { posts: 0, patchOffsets: [] }
  page.on('request', (request) => {
    if (!request.url().includes('/api/v1/uploads')) return
    if (request.method() === 'POST') afterReload.posts++
    if (request.method() === 'PATCH') afterReload.patchOffsets.push(Number(request.headers()['upload-offset']))
  })
  await page.reload()
  const pending = page.getByTestId('pending-offset').filter({ hasText: 'uploaded' })
  await pending.waitFor()
  const offset = Number(await pending.getAttribute('data-offset'))
  check(offset > 0, `after the reload the server should hold part of the upload (tus HEAD), got offset ${offset}`)
  log(`after reload the server holds ${offset} bytes (tus HEAD)`)
  await capture('files-resume')

  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
  await chooseFiles(() => page.getByRole('button', { name: 'Choose file to resume' }).click(), path)
  await page.getByRole('row').filter({ hasText: 'big-upload.bin' }).waitFor({ timeout: TIMEOUT * 2 })
  check(afterReload.posts === 0, `the resumed upload must not create a new upload (saw ${afterReload.posts} POST)`)
  // The server answers the page's HEAD only once the PATCH cut by the reload has stored
  // its bytes (UploadLocks), so the offset the page shows is where tus continues.
  const resumedAt = afterReload.patchOffsets[0]
  check(resumedAt === offset, `the first PATCH after reload should continue at ${offset}, sent ${afterReload.patchOffsets}`)
  log(`resumed from byte ${resumedAt}; no new upload was created`)

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download big-upload.bin' }).click()])
  const saved = join(work, 'downloaded.bin')
  await download.saveAs(saved)
  const actual = await sha256(saved)
  check(actual === expected, `downloaded sha256 ${actual} differs from uploaded ${expected}`)
  check(download.suggestedFilename() === 'big-upload.bin', `download named ${download.suggestedFilename()}`)
  result.upload = { size: BIG, reloadedAtPercent: before, offsetAfterReload: offset, firstPatchOffset: afterReload.patchOffsets[0], postsAfterReload: afterReload.posts, sha256: expected, downloadedSha256: actual }
  log('downloaded the file with the same sha256')
  await page.getByRole('button', { name: 'Close uploads' }).click()
}

async function filesScreens() {
  await page.goto(`${base}/files`)
  await page.getByRole('row').filter({ hasText: 'notes.md' }).waitFor()
  await capture('files', { mobile: true })
  await page.getByRole('checkbox', { name: 'Select notes.md' }).check()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await page.getByRole('dialog').getByText('will be moved to the trash').waitFor()
  await capture('files-delete-confirm')
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await page.getByRole('row').filter({ hasText: 'notes.md' }).waitFor({ state: 'detached' })
  await page.getByRole('button', { name: 'Design assets' }).click()
  await page.getByRole('row').filter({ hasText: 'palette.txt' }).waitFor()
  await page.getByLabel('Search files by name').fill('zzz-nothing')
  await page.getByText('No matching files').waitFor()
  await capture('files-no-match')
  log('files: list, delete with confirmation, folders and search checked')
}

async function accountScreens() {
  await page.goto(`${base}/account`)
  await page.getByText('This device').waitFor()
  await capture('account')
  await page.getByRole('button', { name: /Create (key|your first key)/ }).first().click()
  await page.getByRole('dialog').getByRole('textbox', { name: 'Name' }).fill('Backup script on nas-01')
  await page.getByRole('dialog').getByRole('button', { name: 'Create key' }).click()
  const key = page.getByRole('dialog').locator('input[readonly]')
  await key.waitFor()
  check((await key.inputValue()).length > 20, 'the new API key is shown once')
  await capture('account-api-key-created')
  await page.getByRole('button', { name: 'Done', exact: true }).click()
  await page.getByText('Backup script on nas-01').waitFor()
  log('account: sessions listed, API key created and shown once')

  await page.getByRole('button', { name: 'Set up authenticator app' }).click()
  await page.getByRole('img', { name: /QR code/ }).waitFor()
  const secret = await page.getByLabel('Setup key').inputValue()
  await capture('account-2fa-setup')
  await page.getByLabel('Code from the app').fill(totp(secret))
  await page.getByRole('button', { name: 'Turn on' }).click()
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')
  await codes.first().waitFor()
  check((await codes.count()) === 10, 'ten recovery codes are shown once')
  recoveryCode = await codes.first().textContent()
  await capture('account-2fa-recovery-codes')
  await page.getByLabel('I saved my recovery codes').check()
  await page.getByRole('button', { name: 'Done', exact: true }).click()
  await page.getByText('10 of your recovery codes are left.').waitFor()
  log('account: authenticator app set up from the QR code page, recovery codes shown')
}

async function adminScreens() {
  await page.goto(`${base}/admin/users`)
  await page.getByRole('button', { name: 'Create user' }).click()
  const unique = Date.now().toString(36)
  await page.getByRole('dialog').getByLabel('Email').fill(`grace-${unique}@example.com`)
  await page.getByRole('dialog').getByLabel('Name').fill('Grace Hopper')
  await page.getByRole('dialog').getByLabel('Initial password').fill('grace-hopper-cobol-1906-Nx')
  await page.getByRole('dialog').getByLabel('Quota (GB)').fill('25')
  await page.getByRole('dialog').getByRole('button', { name: 'Create user' }).click()
  await page.getByText(`grace-${unique}@example.com`, { exact: true }).waitFor()
  await page.getByRole('button', { name: 'Invite', exact: true }).click()
  await page.getByRole('dialog').getByLabel('Email').fill(`linus-${unique}@example.com`)
  await page.getByRole('dialog').getByRole('button', { name: 'Create invitation' }).click()
  const link = page.getByRole('dialog').getByLabel('Invitation link')
  await link.waitFor()
  invitation = { email: `linus-${unique}@example.com`, url: await link.inputValue() }
  check(invitation.url.includes('/register#invitation='), `invitation link ${invitation.url}`)
  await page.getByRole('button', { name: 'Done', exact: true }).click()
  await page.getByRole('button', { name: `Suspend grace-${unique}@example.com` }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Suspend' }).click()
  await page.getByRole('row').filter({ hasText: `grace-${unique}@example.com` }).getByText('Suspended', { exact: true }).waitFor()
  await capture('admin-users')

  await page.goto(`${base}/admin/audit`)
  await page.getByText(/Chain intact/).waitFor()
  await page.getByRole('cell', { name: 'invitation.create' }).first().waitFor()
  await capture('admin-audit')
  await page.getByLabel('Action').fill('admin.user_*')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await page.getByRole('cell', { name: 'admin.user_suspend' }).first().waitFor()
  // The unfiltered list has that cell too: wait until the filtered page has replaced it. An action
  // shows its translated name where it has one; the raw action is always the first line's title.
  const rawActions = 'tbody tr td:nth-child(2) > :first-child'
  await page.waitForFunction(
    (selector) => [...document.querySelectorAll(selector)].every((p) => p.title.startsWith('admin.user_')),
    rawActions,
  )
  const actions = await page.locator(rawActions).evaluateAll((cells) => cells.map((p) => p.title))
  check(actions.length > 0 && actions.every((a) => a.startsWith('admin.user_')), `filtered audit shows only admin.user_*: ${actions}`)
  log('admin: user created with a quota, invited, suspended; audit log filtered, chain intact')

  // Bans and alerts: the test seeded a ban of 203.0.113.99 and its alert.
  await page.goto(`${base}/admin/protection`)
  await page.getByText('203.0.113.99', { exact: true }).waitFor()
  await page.getByText('Live', { exact: true }).waitFor()
  await capture('admin-protection')
  await page.getByRole('button', { name: 'Lift the ban of 203.0.113.99' }).click()
  await page.getByText('No address is banned').waitFor()
  await page.getByRole('button', { name: 'Acknowledge' }).first().click()
  log('admin: bans and alerts shown live, a ban lifted, an alert acknowledged')
}

async function signOutEverywhere() {
  await page.goto(`${base}/account`)
  await page.getByRole('button', { name: 'Sign out everywhere' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere' }).click()
  await page.getByRole('heading', { name: 'Sign in to Ferry' }).waitFor()
  await page.reload()
  await page.getByRole('heading', { name: 'Sign in to Ferry' }).waitFor()
  log('signed out everywhere; a reload stays signed out')
}

/** With 2FA on, sign-in asks for a second factor; a recovery code does, once. */
async function secondFactorSignIn() {
  await submitSignIn(page, email, password)
  await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor()
  await capture('signin-second-factor')
  await page.getByLabel('Code').fill(recoveryCode)
  await page.getByRole('button', { name: 'Verify' }).click()
  // Back where the sign-out happened.
  await page.getByRole('heading', { name: 'Account', exact: true }).waitFor()
  await page.getByText('9 of your recovery codes are left.').waitFor()
  log('signed in again with a recovery code as the second factor')
}

/** The invitation link from the admin screen creates an account, which lands signed in on its files. */
async function acceptInvitation() {
  await page.goto(invitation.url)
  await page.getByRole('heading', { name: 'Create your account' }).waitFor()
  check(!page.url().includes('#invitation'), 'the invitation token is removed from the address bar')
  await capture('register')
  await page.getByRole('textbox', { name: 'Your name' }).fill('Linus')
  await page.getByRole('textbox', { name: 'Email' }).fill(invitation.email)
  await page.getByLabel('Password', { exact: true }).fill('a-long-password-for-linus')
  await page.getByLabel('Repeat password').fill('a-long-password-for-linus')
  await page.getByRole('button', { name: 'Create account' }).click()
  await page.getByText('Your files will appear here').waitFor()
  check(!(await page.getByRole('link', { name: 'Users' }).isVisible()), 'an invited user sees no admin pages')
  log('invitation accepted: the new user is signed in on an empty Files page')
}

async function setupScreen() {
  await page.goto(`${base}/setup#token=not-a-real-token`)
  await page.getByRole('heading', { name: 'Welcome to Ferry' }).waitFor()
  check(!page.url().includes('#token'), 'the setup token is removed from the address bar')
  await capture('setup')
}

let failure = null
try {
  await signIn()
  await uploadSmallFiles()
  await resumableUpload()
  await filesScreens()
  await accountScreens()
  await adminScreens()
  await signOutEverywhere()
  await secondFactorSignIn()
  await signOutEverywhere()
  await acceptInvitation()
  await setupScreen()
  result.csp = browser.problems.csp
  result.pageErrors = browser.problems.errors
  check(result.csp.length === 0, `CSP violations: ${result.csp.join('\n')}`)
  check(result.pageErrors.length === 0, `page errors: ${result.pageErrors.join('\n')}`)
} catch (error) {
  failure = error
  await page.screenshot({ path: join(shots, 'failure.png') }).catch(() => {})
} finally {
  result.ok = failure === null
  result.error = failure ? String(failure.stack ?? failure) : null
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
  await browser.close()
}
if (failure) {
  console.error(`[ui-e2e] FAILED: ${failure.message}`)
  process.exit(1)
}
log(`passed; ${result.screenshots.length} screenshots in ${shots}`)
