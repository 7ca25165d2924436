// End-to-end run of previews in the web UI: the owner's Files page shows the server's
// previews of an image and a PDF as thumbnails instead of type icons, and a click opens the
// image larger in a lightbox. The test uploads the files and waits for their previews first.
// Driven by dev.ferry.preview.PreviewUiEndToEndIntegrationTests; by hand: FERRY_URL=...
// FERRY_OWNER_EMAIL=... FERRY_OWNER_PASSWORD=... FERRY_IMAGE=... FERRY_PDF=... node e2e/preview-e2e.mjs
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { captureScreen, check, logger, openBrowser, required, runSteps, submitSignIn } from './browser.mjs'

const base = required('FERRY_URL')
const owner = { email: required('FERRY_OWNER_EMAIL'), password: required('FERRY_OWNER_PASSWORD') }
const image = required('FERRY_IMAGE')
const pdf = required('FERRY_PDF')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'preview-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'

mkdirSync(shots, { recursive: true })
const result = { screens: {}, screenshots: [], csp: [], pageErrors: [] }
const log = logger('preview-e2e')
const capture = (page, name, ready) => captureScreen(page, name, { shots, result, ready, phone: 'shot', fullPage: false })

const browser = await openBrowser({ executablePath })
await runSteps(browser, { name: 'preview', shots, result, resultFile }, async () => {
  const page = browser.page
  page.setDefaultTimeout(60_000)
  await page.goto(`${base}/files`)
  await submitSignIn(page, owner.email, owner.password)
  await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()
  const thumbnail = page.getByRole('button', { name: `Show a preview of ${image}` })
  await thumbnail.waitFor()
  await page.getByRole('button', { name: `Show a preview of ${pdf}` }).waitFor()
  const loaded = await thumbnail.locator('img').evaluate((img) => img.complete && img.naturalWidth > 0)
  check(loaded, 'the thumbnail image did not load')
  await capture(page, 'files-previews')
  log('the file list shows the previews')

  await thumbnail.click()
  const lightbox = page.getByRole('dialog', { name: image })
  const large = lightbox.getByRole('img', { name: `Preview of ${image}` })
  await large.waitFor()
  result.lightbox = await large.evaluate((img) => ({ width: img.naturalWidth, height: img.naturalHeight }))
  await capture(page, 'preview-lightbox')
  log('the lightbox shows the preview')
})
log('done')
