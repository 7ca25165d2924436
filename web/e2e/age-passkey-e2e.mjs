// A "to people" key wrapped by a passkey's PRF extension: Carol, in a Chromium with a virtual
// authenticator that offers PRF (CDP's hasPrf), creates her age key with a new passkey; Ada
// encrypts a file to her by address; a wrong link key fails cleanly; Carol opens it with the
// passkey, typing no secret.
// Driven by dev.ferry.web.E2eUiEndToEndIntegrationTests, which checks how the key is stored.
// By hand: FERRY_URL=... FERRY_EMAIL=... FERRY_PASSWORD=... FERRY_CAROL_EMAIL=... FERRY_MARKER=... node e2e/age-passkey-e2e.mjs
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { captureScreen, check, logger, openBrowser, required, sha256, submitSignIn } from './browser.mjs'

const base = required('FERRY_URL')
const email = required('FERRY_EMAIL')
const password = required('FERRY_PASSWORD')
const carolEmail = required('FERRY_CAROL_EMAIL')
const marker = required('FERRY_MARKER')
const wrongKey = required('FERRY_WRONG_KEY')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'age-passkey-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const TIMEOUT = 90_000

mkdirSync(shots, { recursive: true })
const work = mkdtempSync(join(tmpdir(), 'ferry-age-passkey-e2e-'))
const result = { screens: {}, screenshots: [], csp: [], pageErrors: [] }
const log = logger('age-passkey-e2e')
const capture = (page, name) => captureScreen(page, name, { shots, result })

const sender = await openBrowser({ executablePath })
const carol = await openBrowser({ executablePath })
try {
  const { page } = sender
  const visitor = carol.page
  page.setDefaultTimeout(TIMEOUT)
  visitor.setDefaultTimeout(TIMEOUT)
  const cdp = await visitor.context().newCDPSession(visitor)
  await cdp.send('WebAuthn.enable')
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true, hasPrf: true },
  })

  // 1. Carol's key, wrapped by a new passkey: the passphrase form stays as the fallback.
  await visitor.goto(`${base}/account`)
  await submitSignIn(visitor, carolEmail, password)
  await visitor.getByRole('heading', { name: 'Account', exact: true }).waitFor()
  await visitor.getByRole('button', { name: 'Create key with a passkey' }).waitFor()
  await visitor.getByLabel('Key passphrase').waitFor()
  await capture(visitor, 'e2e-key-choice')
  await visitor.getByRole('button', { name: 'Create key with a passkey' }).click()
  await visitor.getByText('Wrapped by a passkey in this browser.').waitFor()
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
  check(credentials.length === 1 && credentials[0].isResidentCredential, `one discoverable passkey expected: ${JSON.stringify(credentials.length)}`)
  log('Carol made a passkey-wrapped key')

  // 2. Ada encrypts to Carol's address: the link carries no key.
  const bytes = randomBytes(180_000)
  Buffer.from(marker).copy(bytes, 1000)
  const file = join(work, 'for-carol.txt')
  writeFileSync(file, bytes)
  await page.goto(`${base}/files`)
  await submitSignIn(page, email, password)
  await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()
  await page.goto(`${base}/transfers/new`)
  await page.getByRole('heading', { name: 'New transfer', exact: true }).waitFor()
  await page.getByRole('switch', { name: 'End-to-end encrypted' }).check()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose files to encrypt' }).click()])
  await chooser.setFiles(file)
  await page.getByRole('radio', { name: /To people/ }).check()
  await page.getByLabel('People', { exact: true }).fill(carolEmail)
  await page.getByRole('button', { name: 'Encrypt and create transfer' }).click()
  await page.getByRole('heading', { name: 'Transfer ready' }).waitFor()
  const link = await page.getByLabel('Share link').inputValue()
  check(!link.includes('#'), `a link to people carries no key: ${link}`)

  // 3. Someone else's key in the fragment fails cleanly: a message, and the key form again.
  await visitor.goto(`${link}#${wrongKey}`)
  await visitor.getByRole('alert').getByText('does not open').waitFor()
  await visitor.getByRole('button', { name: 'Decrypt' }).waitFor()
  await capture(visitor, 'e2e-wrong-key')

  // 4. Carol opens it with her passkey: no passphrase field at all.
  await visitor.goto(link)
  await visitor.getByRole('checkbox', { name: /Sent to my Ferry key/ }).check()
  await visitor.getByRole('button', { name: 'Decrypt with my passkey' }).waitFor()
  check((await visitor.getByLabel('Key passphrase').count()) === 0, 'a passkey-wrapped key asks for no passphrase')
  await capture(visitor, 'e2e-passkey-unlock')
  await visitor.getByRole('button', { name: 'Decrypt with my passkey' }).click()
  const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.getByRole('button', { name: 'Download for-carol.txt' }).click()])
  const saved = join(work, 'got-for-carol')
  await download.saveAs(saved)
  check(sha256(readFileSync(saved)) === sha256(bytes), 'the file sent to Carol decrypted differently')
  log('Carol opened the file with her passkey')

  result.csp = [...sender.problems.csp, ...carol.problems.csp]
  result.pageErrors = [...sender.problems.errors, ...carol.problems.errors]
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
  log('done')
} catch (error) {
  await sender.page.screenshot({ path: join(shots, 'age-passkey-failure-sender.png'), fullPage: true }).catch(() => {})
  await carol.page.screenshot({ path: join(shots, 'age-passkey-failure-carol.png'), fullPage: true }).catch(() => {})
  console.error(error)
  process.exitCode = 1
} finally {
  await sender.close()
  await carol.close()
}
