// End-to-end run of the account page's SSH keys and webhooks: sign in, add an SSH key
// (name + OpenSSH public key) and see its fingerprint, create a webhook and see its secret
// once, open its deliveries, delete the key, and take light and dark screenshots with an
// axe scan of each. By hand:
// FERRY_URL=... FERRY_EMAIL=... FERRY_PASSWORD=... FERRY_SSH_KEY="$(cat id.pub)" node e2e/account-keys-e2e.mjs
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { captureScreen, check, logger, openBrowser, required, submitSignIn } from './browser.mjs'

const base = required('FERRY_URL')
const email = required('FERRY_EMAIL')
const password = required('FERRY_PASSWORD')
const sshKey = required('FERRY_SSH_KEY')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'account-keys-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'

mkdirSync(shots, { recursive: true })
const result = { screens: {}, screenshots: [], csp: [], pageErrors: [], fingerprint: null, secret: null }
const log = logger('account-keys-e2e')
const browser = await openBrowser({ executablePath })
const { page } = browser
page.setDefaultTimeout(60_000)
page.on('pageerror', (e) => result.pageErrors.push(String(e)))

try {
  await page.goto(`${base}/account`)
  await page.getByRole('heading', { name: 'Sign in to Ferry' }).waitFor()
  await submitSignIn(page, email, password)
  await page.getByRole('heading', { name: 'SSH keys', exact: true }).waitFor()

  await page.getByLabel('Name', { exact: true }).last().fill('Laptop')
  await page.getByLabel('Public key (OpenSSH format)').fill(sshKey)
  await page.getByRole('button', { name: 'Add key' }).click()
  const keys = page.getByRole('list', { name: 'SSH keys' })
  await keys.getByText('Laptop').waitFor()
  result.fingerprint = (await keys.locator('p.font-mono').first().textContent()).trim()
  check(result.fingerprint.startsWith('SHA256:'), `no fingerprint shown: ${result.fingerprint}`)
  log(`key added: ${result.fingerprint}`)

  await page.getByLabel('Endpoint URL').fill('https://hooks.example.com/ferry')
  await page.getByRole('checkbox', { name: 'transfer.created' }).check()
  await page.getByRole('button', { name: 'Add webhook' }).click()
  await page.getByText('it is shown only this once').waitFor()
  result.secret = await page.getByLabel('Signing secret').inputValue()
  check(result.secret.startsWith('whsec_'), `no secret shown: ${result.secret}`)
  await page.getByRole('button', { name: 'Deliveries' }).click()
  await page.getByText('No deliveries yet.').waitFor()
  log('webhook created, secret shown once')

  await page.getByRole('heading', { name: 'SSH keys', exact: true }).scrollIntoViewIfNeeded()
  await captureScreen(page, 'account-keys', { shots, result })

  await keys.getByRole('button', { name: 'Delete' }).click()
  await page.getByRole('button', { name: 'Delete key' }).click()
  await page.getByText('No SSH keys yet').waitFor()
  log('key deleted')
  check(result.pageErrors.length === 0, `page errors: ${result.pageErrors.join('; ')}`)
} finally {
  writeFileSync(resultFile, JSON.stringify(result, null, 1))
  await browser.close()
}
