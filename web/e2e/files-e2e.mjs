// End-to-end run of versions, the trash and bulk operations in the web UI: restores the first
// version of report.txt from its versions dialog, restores minutes.txt from the Trash page and
// downloads the three files of /inbox as one ZIP (a native download with a ticket, never
// fetched into the page) and moves them to /archive with one bulk request.
// Driven by dev.ferry.web.FilesUiEndToEndIntegrationTests, which seeds the files; by hand:
// FERRY_URL=... FERRY_EMAIL=... FERRY_PASSWORD=... node e2e/files-e2e.mjs
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { captureScreen, check, logger, openBrowser, required, runSteps, submitSignIn } from './browser.mjs'

const base = required('FERRY_URL')
const email = required('FERRY_EMAIL')
const password = required('FERRY_PASSWORD')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'files-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'

mkdirSync(shots, { recursive: true })
const result = { screens: {}, screenshots: [], csp: [], pageErrors: [], bulkRequests: 0, zip: null }
const log = logger('files-e2e')
const capture = (page, name) => captureScreen(page, name, { shots, result, phone: 'shot', fullPage: false })

const browser = await openBrowser({ executablePath })
await runSteps(browser, { name: 'files', shots, result, resultFile }, async () => {
  const page = browser.page
  page.setDefaultTimeout(60_000)
  const scripted = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/files/bulk') result.bulkRequests++
    if (request.resourceType() === 'fetch' || request.resourceType() === 'xhr') scripted.push(new URL(request.url()).pathname)
  })
  await page.goto(`${base}/files`)
  await submitSignIn(page, email, password)
  await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()

  await page.getByRole('button', { name: 'Versions of report.txt' }).click()
  const versions = page.getByRole('dialog', { name: 'Versions of report.txt' })
  await versions.getByText('Version 1', { exact: true }).waitFor()
  await capture(page, 'files-versions')
  await versions.getByRole('button', { name: 'Restore', exact: true }).click()
  await page.getByRole('dialog', { name: 'Restore version 1?' }).getByRole('button', { name: 'Restore version' }).click()
  await page.getByText('Restored version 1 of report.txt').waitFor()
  await versions.getByText('Version 3').waitFor()
  // The footer's Close; the dialog's × is named Close too.
  await versions.getByRole('button', { name: 'Close', exact: true }).last().click()
  await versions.waitFor({ state: 'hidden' })
  log('restored version 1 of report.txt')

  await page.getByRole('link', { name: 'Trash', exact: true }).click()
  await page.getByRole('heading', { name: 'Trash', exact: true }).waitFor()
  await page.getByText('minutes.txt', { exact: true }).waitFor()
  await capture(page, 'files-trash')
  await page.getByRole('button', { name: 'Restore minutes.txt' }).click()
  await page.getByText('Restored minutes.txt to /').waitFor()
  await page.getByText('The trash is empty').waitFor()
  log('restored minutes.txt from the trash')

  await page.goto(`${base}/files?path=%2Finbox`)
  await page.getByText('c.txt', { exact: true }).waitFor()
  await page.getByRole('checkbox', { name: 'Select all files' }).check()
  const selection = page.getByRole('region', { name: 'Selected files' })
  await selection.getByText('3 selected').waitFor()
  await capture(page, 'files-bulk')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    selection.getByRole('button', { name: 'Download as ZIP', exact: true }).click(),
  ])
  const zipPath = join(shots, 'files-bulk.zip')
  await download.saveAs(zipPath)
  const zipUrl = new URL(download.url())
  check(zipUrl.searchParams.get('ticket')?.startsWith('fdt_'), `the ZIP did not use a ticket URL: ${zipUrl}`)
  check(!scripted.includes(zipUrl.pathname), 'the page fetched the ZIP itself')
  result.zip = { path: zipPath, filename: download.suggestedFilename(), urlPath: zipUrl.pathname }
  log(`downloaded the selection natively as ${download.suggestedFilename()}`)
  await selection.getByRole('button', { name: 'Move', exact: true }).click()
  const move = page.getByRole('dialog', { name: 'Move 3 files' })
  await move.getByLabel('Destination folder').fill('/archive')
  await move.getByRole('button', { name: 'Move', exact: true }).click()
  await page.getByText('Moved 3 files').waitFor()
  check(result.bulkRequests === 1, `expected one bulk request, saw ${result.bulkRequests}`)
  log('moved three files with one bulk request')

  await page.getByText('This folder is empty').waitFor()
  await page.getByRole('button', { name: 'Delete folder', exact: true }).click()
  await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()
  log('left the emptied /inbox with Delete folder')
  await page.getByRole('button', { name: 'New folder', exact: true }).click()
  const newFolder = page.getByRole('dialog', { name: 'New folder' })
  await newFolder.getByLabel('Folder name').fill('scratch')
  await newFolder.getByRole('button', { name: 'Create and open' }).click()
  await page.getByRole('heading', { name: 'scratch', exact: true }).waitFor()
  await capture(page, 'files-empty-folder')
  await page.getByRole('button', { name: 'Delete folder', exact: true }).click()
  await page.getByText('Deleted the folder scratch').waitFor()
  await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()
  result.deletedFolder = 'scratch'
  log('made /scratch with New folder and deleted it')
})
log('done')
