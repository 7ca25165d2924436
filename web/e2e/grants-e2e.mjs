// End-to-end run of internal sharing in the web UI: Ada uploads a file and shares it with Bob
// and a group through the Share dialog; Bob, in another browser profile, finds it under
// Shared with me and downloads the exact bytes; Ada removes Bob's access and it disappears
// for him; an admin creates a group and adds a member on the Groups screen. Driven by
// dev.ferry.share.GrantsUiEndToEndIntegrationTests; by hand: FERRY_URL=... FERRY_OWNER_EMAIL=...
// FERRY_OWNER_PASSWORD=... FERRY_GRANTEE_EMAIL=... FERRY_GRANTEE_PASSWORD=... FERRY_ADMIN_EMAIL=...
// FERRY_ADMIN_PASSWORD=... FERRY_GROUP=... FERRY_NEW_GROUP=... node e2e/grants-e2e.mjs
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { accessibilityViolations, captureScreen, check, logger, openBrowser, required, sha256, submitSignIn } from './browser.mjs'

const base = required('FERRY_URL')
const owner = { email: required('FERRY_OWNER_EMAIL'), password: required('FERRY_OWNER_PASSWORD') }
const grantee = { email: required('FERRY_GRANTEE_EMAIL'), password: required('FERRY_GRANTEE_PASSWORD') }
const admin = { email: required('FERRY_ADMIN_EMAIL'), password: required('FERRY_ADMIN_PASSWORD') }
const group = required('FERRY_GROUP')
const newGroup = required('FERRY_NEW_GROUP')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'grants-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const TIMEOUT = 60_000
const FILE = `site-survey-${randomBytes(3).toString('hex')}-with-a-rather-long-name-for-truncation.pdf`

mkdirSync(shots, { recursive: true })
const work = mkdtempSync(join(tmpdir(), 'ferry-grants-e2e-'))
const result = { screens: {}, screenshots: [], csp: [], pageErrors: [], file: FILE }

const log = logger('grants-e2e')

/** Light and dark with an axe scan of each, then the phone width (390x844). */
const capture = (page, name, ready) => captureScreen(page, name, { shots, result, ready, phone: 'shot', fullPage: false })

async function signIn(page, account, path, heading) {
  page.setDefaultTimeout(TIMEOUT)
  await page.goto(`${base}${path}`)
  await submitSignIn(page, account.email, account.password)
  await page.getByRole('heading', { name: heading, exact: true }).waitFor()
}

function collect(browser) {
  result.csp.push(...browser.problems.csp)
  result.pageErrors.push(...browser.problems.errors)
}

/** The owner's side of the API, for what the test needs but the dialog does not show: more shared items. */
async function ownerApi() {
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(owner) })
  check(login.ok, `owner login failed: ${login.status}`)
  const token = (await login.json()).access_token
  const call = async (path, init = {}) => {
    const response = await fetch(`${base}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers } })
    check(response.ok, `${init.method ?? 'GET'} ${path} answered ${response.status}: ${await response.clone().text()}`)
    return response.json()
  }
  const upload = (name, text) => call(`/api/v1/files/content?path=${encodeURIComponent(`/${name}`)}`, { method: 'PUT', body: text, headers: { 'Content-Type': 'application/octet-stream' } })
  return { call, upload }
}

const ada = await openBrowser({ executablePath })
const bob = await openBrowser({ executablePath })
let boss = null
try {
  const reader = bob.page
  await signIn(reader, grantee, '/shared', 'Shared with me')
  await reader.getByRole('heading', { name: 'Nothing shared with you yet' }).waitFor()
  await capture(reader, 'shared-with-me-empty')

  const page = ada.page
  await signIn(page, owner, '/files', 'Files')
  const bytes = randomBytes(300_000)
  const source = join(work, FILE)
  writeFileSync(source, bytes)
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Upload files' }).first().click()])
  await chooser.setFiles(source)
  await page.getByRole('button', { name: `Share ${FILE} with people` }).click()
  const dialog = page.getByRole('dialog', { name: 'Share with people' })
  const access = dialog.getByRole('region', { name: 'Who has access' })
  await dialog.getByText('Only you, so far').waitFor()
  await dialog.getByLabel('Email address').fill(grantee.email)
  await dialog.getByRole('button', { name: 'Share', exact: true }).click()
  await access.getByText(grantee.email, { exact: true }).waitFor()
  await dialog.getByText('A group').click()
  await dialog.getByLabel('Group', { exact: true }).selectOption({ label: group })
  await dialog.getByLabel('Permission', { exact: true }).selectOption('view')
  await dialog.getByRole('button', { name: 'Share', exact: true }).click()
  await access.getByText(group, { exact: true }).waitFor()
  check((await dialog.getByLabel(`Permission for ${group}`).inputValue()) === 'view', 'the group was not given view')
  check((await dialog.getByLabel(`Permission for ${grantee.email}`).inputValue()) === 'download', 'the person was not given download')
  await capture(page, 'grants-dialog')
  log('shared with a person and a group through the dialog')

  const { call, upload } = await ownerApi()
  const photos = [await upload(`north-wall-${randomBytes(2).toString('hex')}.jpg`, 'jpeg bytes'), await upload(`soil-samples-${randomBytes(2).toString('hex')}.csv`, 'depth,ph\n1,7')]
  const transfer = await call('/api/v1/transfers', { method: 'POST', body: JSON.stringify({ title: 'Site photos and samples', file_ids: photos.map((f) => f.id) }) })
  await call(`/api/v1/transfers/${transfer.id}/grants`, { method: 'POST', body: JSON.stringify({ email: grantee.email, permission: 'download' }) })
  const notes = await upload(`budget-notes-${randomBytes(2).toString('hex')}.txt`, 'notes')
  await call(`/api/v1/files/${notes.id}/grants`, { method: 'POST', body: JSON.stringify({ email: grantee.email, permission: 'view' }) })

  await reader.reload()
  const row = reader.getByRole('listitem').filter({ hasText: FILE })
  await row.waitFor()
  check((await row.textContent()).includes('Ada'), 'the sender is not named')
  await reader.getByRole('button', { name: 'Show files of Site photos and samples' }).click()
  await reader.getByRole('button', { name: `Download ${photos[0].name}` }).waitFor()
  await capture(reader, 'shared-with-me')
  const [download] = await Promise.all([reader.waitForEvent('download'), row.getByRole('button', { name: `Download ${FILE}` }).click()])
  check(download.suggestedFilename() === FILE, `downloaded as ${download.suggestedFilename()}`)
  const saved = join(work, 'downloaded.pdf')
  await download.saveAs(saved)
  result.download = { sha256: sha256(readFileSync(saved)), expected: sha256(bytes), size: bytes.length }
  check(result.download.sha256 === result.download.expected, 'the downloaded file differs from the uploaded one')
  log('the grantee downloaded the exact bytes from Shared with me')

  await dialog.getByRole('button', { name: `Remove access for ${grantee.email}` }).click()
  const confirm = page.getByRole('dialog', { name: 'Remove access?' })
  await confirm.getByRole('button', { name: 'Remove access' }).click()
  await access.getByText(grantee.email, { exact: true }).waitFor({ state: 'detached' })
  log('the owner removed the grantee')

  await reader.reload()
  await reader.getByText(notes.name).waitFor()
  check((await reader.getByText(FILE).count()) === 0, 'the revoked file is still listed')
  log('the file is gone from Shared with me')

  await page.keyboard.press('Escape')
  await page.goto(`${base}/transfers?open=${transfer.id}`)
  await page.getByRole('button', { name: 'Share with people' }).click()
  const transferDialog = page.getByRole('dialog', { name: 'Share transfer with people' })
  await transferDialog.getByText('Access ends when the transfer does').waitFor()
  check((await transferDialog.getByLabel(`Permission for ${grantee.email}`).inputValue()) === 'download', 'the transfer grant is missing')
  const transferViolations = await accessibilityViolations(page)
  result.screens['grants-transfer-dialog'] = transferViolations
  check(transferViolations.length === 0, `the transfer share dialog has serious accessibility problems: ${JSON.stringify(transferViolations)}`)
  log('the transfer share dialog lists its grant')

  boss = await openBrowser({ executablePath })
  const adminPage = boss.page
  await signIn(adminPage, admin, '/files', 'Files')
  await adminPage.getByRole('link', { name: 'Groups' }).first().click()
  await adminPage.getByRole('heading', { name: 'Groups', exact: true }).waitFor()
  await adminPage.getByRole('button', { name: 'Create group' }).first().click()
  const create = adminPage.getByRole('dialog', { name: 'Create group' })
  await create.getByLabel('Group name').fill(newGroup)
  await create.getByRole('button', { name: 'Create group' }).click()
  const card = adminPage.getByRole('listitem').filter({ has: adminPage.getByRole('heading', { name: newGroup }) })
  await card.getByText('No members yet').waitFor()
  await card.getByLabel(`Add a member to ${newGroup}`).fill(grantee.email)
  await card.getByRole('button', { name: 'Add', exact: true }).click()
  await card.getByText(grantee.email).first().waitFor()
  await capture(adminPage, 'admin-groups', () => card.scrollIntoViewIfNeeded())
  log('the admin created a group and added a member')
} catch (error) {
  await ada.page.screenshot({ path: join(shots, 'grants-failure-owner.png'), fullPage: true }).catch(() => {})
  await bob.page.screenshot({ path: join(shots, 'grants-failure-grantee.png'), fullPage: true }).catch(() => {})
  if (boss) await boss.page.screenshot({ path: join(shots, 'grants-failure-admin.png'), fullPage: true }).catch(() => {})
  throw error
} finally {
  for (const browser of [ada, bob, boss]) {
    if (!browser) continue
    collect(browser)
    await browser.close()
  }
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
}
log('done')
