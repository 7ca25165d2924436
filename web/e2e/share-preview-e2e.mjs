// End-to-end run of previews on the public share page: a stranger opens a password-protected
// link whose owner chose show_previews, unlocks it and sees the image's thumbnail instead of
// its type icon (loaded with the share session), opens it larger in the lightbox, and at
// phone size (390×844) the page does not scroll sideways. The test creates the link and
// waits for the preview first.
// Driven by dev.ferry.preview.PreviewUiEndToEndIntegrationTests; by hand: FERRY_URL=...
// FERRY_SHARE_URL=... FERRY_SHARE_PASSWORD=... FERRY_IMAGE=... node e2e/share-preview-e2e.mjs
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { captureScreen, check, checkPhoneFit, logger, openBrowser, required, runSteps } from './browser.mjs'

const shareUrl = required('FERRY_SHARE_URL')
const sharePassword = required('FERRY_SHARE_PASSWORD')
const image = required('FERRY_IMAGE')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'share-preview-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'

mkdirSync(shots, { recursive: true })
const result = { screens: {}, screenshots: [], csp: [], pageErrors: [], previewRequests: [] }
const log = logger('share-preview-e2e')
const capture = (page, name) => captureScreen(page, name, { shots, result, phone: 'shot', fullPage: false })

const browser = await openBrowser({ executablePath })
await runSteps(browser, { name: 'share-preview', shots, result, resultFile }, async () => {
  const page = browser.page
  page.setDefaultTimeout(60_000)
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/preview')) {
      result.previewRequests.push({ session: request.headers()['x-share-session'] != null })
    }
  })
  await page.goto(shareUrl)
  await page.getByLabel('Password', { exact: true }).fill(sharePassword)
  await page.getByRole('button', { name: 'Unlock' }).click()
  const thumbnail = page.getByRole('button', { name: `Show a preview of ${image}` })
  await thumbnail.waitFor()
  const loaded = await thumbnail.locator('img').evaluate((img) => img.complete && img.naturalWidth > 0)
  check(loaded, 'the thumbnail image did not load')
  check(
    result.previewRequests.length > 0 && result.previewRequests.every((r) => r.session),
    `the preview was not fetched with the share session: ${JSON.stringify(result.previewRequests)}`,
  )
  await capture(page, 'share-previews')
  log('the share page shows the thumbnail')

  await thumbnail.click()
  const lightbox = page.getByRole('dialog', { name: image })
  const large = lightbox.getByRole('img', { name: `Preview of ${image}` })
  await large.waitFor()
  result.lightbox = await large.evaluate((img) => ({ width: img.naturalWidth, height: img.naturalHeight }))
  await page.screenshot({ path: join(shots, 'share-preview-lightbox.png') })
  result.screenshots.push(join(shots, 'share-preview-lightbox.png'))
  await page.keyboard.press('Escape')
  await lightbox.waitFor({ state: 'hidden' })
  log('the lightbox shows the preview')

  result.phone = await checkPhoneFit(page, join(shots, 'share-phone-390.png'), 'the share page', result)
  log(`phone size fits: ${JSON.stringify(result.phone)}`)
})
log('done')
