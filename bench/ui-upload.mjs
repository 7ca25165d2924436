// Uploads through the web UI in Chromium against curl -T to the same server in the same run
// (see bench/README.md, "Uploads through the web UI"). Signs in through the real sign-in page,
// picks a SIZE_MB random file in the files page's upload control (Uppy + tus-js-client, as a
// person does) and waits until the upload tray shows it uploaded; then PUTs the same file with
// `curl -T` to /api/v1/files/content. Each run does both (alternating which goes first) under
// new names; prints MB/s of both, the PATCH count and size, the ratio UI / curl, medians
// over RUNS, and the CPU seconds per GiB that Chromium and the server spent on the UI upload
// with the rate that CPU alone allows when they share the machine's cores. Not a test: it
// never fails on a time.
//
//   node bench/ui-upload.mjs     # starts server/target/ferry.jar on a fresh data dir
//   SIZE_MB=128 RUNS=5 node bench/ui-upload.mjs
//   FERRY_URL=http://127.0.0.1:8080 FERRY_EMAIL=... FERRY_PASSWORD=... node bench/ui-upload.mjs
import { spawn, spawnSync } from 'node:child_process'
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { pathToFileURL } from 'node:url'

// playwright-core comes from the web module's node_modules (npm ci in web/).
const web = createRequire(resolve('web/package.json'))
const { chromium } = (await import(pathToFileURL(web.resolve('playwright-core')).href)).default

const SIZE_MB = Number(process.env.SIZE_MB ?? 512)
const RUNS = Number(process.env.RUNS ?? 3)
const JAR = process.env.JAR ?? 'server/target/ferry.jar'
const work = mkdtempSync(join(tmpdir(), 'ferry-ui-upload-'))
const log = (message) => console.error(`bench: ${message}`)

let server = null
const stop = () => {
  server?.kill()
  rmSync(work, { recursive: true, force: true })
}
process.on('exit', stop)
process.on('SIGINT', () => process.exit(130))

let base = process.env.FERRY_URL?.replace(/\/$/, '')
let email = process.env.FERRY_EMAIL
let password = process.env.FERRY_PASSWORD
if (!base) {
  if (!existsSync(JAR)) throw new Error(`no ${JAR}: run './mvnw -B -pl web,server -DskipTests package' first`)
  const port = Number(process.env.FERRY_BENCH_PORT ?? 18082)
  email = 'bench@ferry.test'
  password = 'bench-password-not-secret'
  base = `http://127.0.0.1:${port}`
  log(`starting Ferry (${JAR}) on ${base}`)
  mkdirSync(join(work, 'ferry'))
  server = spawn('java', ['-jar', JAR], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      FERRY_DATA_DIR: join(work, 'ferry'),
      FERRY_PORT: String(port),
      FERRY_ADMIN_EMAIL: email,
      FERRY_ADMIN_PASSWORD: password,
      // Several GiB within minutes from one account, more than the default allowance.
      FERRY_RATE_UPLOAD_BYTES: '50GB',
    },
  })
  const started = Date.now()
  while (
    !(await fetch(`${base}/health`)
      .then((r) => r.ok)
      .catch(() => false))
  ) {
    if (Date.now() - started > 180_000) throw new Error('Ferry did not start within 3 minutes')
    await new Promise((r) => setTimeout(r, 500))
  }
}
if (!email || !password) throw new Error('FERRY_EMAIL and FERRY_PASSWORD are needed with FERRY_URL')

log(`creating a ${SIZE_MB} MiB random file`)
const file = join(work, 'file.bin')
const fd = openSync(file, 'w')
for (let i = 0; i < SIZE_MB; i++) writeSync(fd, randomBytes(1024 * 1024))
closeSync(fd)
const size = SIZE_MB * 1024 * 1024

const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email, password }),
})
if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`)
const token = (await login.json()).access_token

/**
 * CPU seconds (user + system) so far of Chromium's processes and of the server this script
 * started (null with FERRY_URL): on a 2-core machine the browser and the server share the
 * cores, so their sum per upload bounds the UI's rate whatever the server does.
 */
const cpuSeconds = () => {
  const ticks = 100
  let browser = 0
  let ferry = null
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    } catch {
      continue
    }
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const seconds = (Number(fields[11]) + Number(fields[12])) / ticks
    if (command.includes('chrom')) browser += seconds
    if (server && Number(pid) === server.pid) ferry = seconds
  }
  return { browser, ferry }
}

const curlPut = (path) => {
  const started = process.hrtime.bigint()
  const put = spawnSync(
    'curl',
    [
      '-sS',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code}',
      '-H',
      `Authorization: Bearer ${token}`,
      '-T',
      file,
      `${base}/api/v1/files/content?path=${encodeURIComponent(path)}`,
    ],
    { encoding: 'utf8' },
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (!put.stdout.startsWith('2')) throw new Error(`curl -T answered ${put.stdout} ${put.stderr}`)
  return size / 1e6 / seconds
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic'],
})
const page = await (
  await browser.newContext({
    viewport: { width: 1280, height: 860 },
    locale: 'en-US',
  })
).newPage()
page.setDefaultTimeout(Number(process.env.TIMEOUT_S ?? 600) * 1000)
const patches = []
page.on('request', (request) => {
  if (request.method() === 'PATCH') patches.push(request.url())
})
process.on('uncaughtException', async (error) => {
  // A failed step leaves what the page showed, for the person running the bench.
  await page.screenshot({ path: join(tmpdir(), 'ferry-ui-upload-failure.png') }).catch(() => {})
  console.error(error)
  process.exit(1)
})
// CHUNK_MB: an experiment with another PATCH size without a rebuild. The UI's bundle is
// rewritten on its way in (and the page's integrity attributes dropped); the routes go away
// before any upload, since a routed page intercepts request bodies too.
const chunkMb = process.env.CHUNK_MB
if (chunkMb) {
  await page.route(/\/(files|assets\/index-[^/]*\.js)$/, async (route) => {
    const response = await route.fetch()
    let body = await response.text()
    if (route.request().url().endsWith('.js')) {
      const constant = /(`\/api\/v1\/uploads`,\w+=)\d+/
      if (!constant.test(body)) throw new Error('CHUNK_MB: the chunk size was not found in the bundle')
      body = body.replace(constant, `$1${Number(chunkMb) * 1048576}`)
    } else {
      body = body.replace(/ integrity="[^"]*"/g, '')
    }
    await route.fulfill({ response, body })
  })
}
await page.goto(`${base}/files`)
await page.getByLabel('Email').fill(email)
await page.getByLabel('Password', { exact: true }).fill(password)
await page.getByRole('button', { name: 'Sign in', exact: true }).click()
await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()
log('signed in through the UI')
await page.unrouteAll()

/** Picks the file under a new name (a hard link: Uppy refuses a file it already holds) and waits for the tray's "Uploaded". */
const uiUpload = async (name) => {
  const linked = join(work, name)
  linkSync(file, linked)
  const before = patches.length
  const cpuBefore = cpuSeconds()
  const started = performance.now()
  await page.getByTestId('file-input').setInputFiles(linked)
  const row = page.locator('li[data-upload-status="done"], li[data-upload-status="error"]', { hasText: name })
  await row.waitFor()
  if ((await row.getAttribute('data-upload-status')) === 'error') throw new Error(`${name}: ${await row.innerText()}`)
  const seconds = (performance.now() - started) / 1000
  const cpuAfter = cpuSeconds()
  rmSync(linked)
  return {
    rate: size / 1e6 / seconds,
    patches: patches.length - before,
    browserCpu: cpuAfter.browser - cpuBefore.browser,
    ferryCpu: cpuAfter.ferry === null ? null : cpuAfter.ferry - cpuBefore.ferry,
  }
}

// Unmeasured: the server's JIT, the first blob writes and Chromium's first upload would
// otherwise slow whichever runs first.
await uiUpload('warm-up.bin')
curlPut('/warm-up-curl.bin')

const ui = []
const curl = []
const browserCpu = []
const ferryCpu = []
let patchCount = 0
for (let run = 1; run <= RUNS; run++) {
  const order = run % 2 ? ['ui', 'curl'] : ['curl', 'ui']
  for (const what of order) {
    if (what === 'ui') {
      const result = await uiUpload(`ui-${run}.bin`)
      ui.push(result.rate)
      browserCpu.push(result.browserCpu)
      if (result.ferryCpu !== null) ferryCpu.push(result.ferryCpu)
      patchCount = result.patches
    } else {
      curl.push(curlPut(`/curl-${run}.bin`))
    }
  }
  log(`run ${run}: UI ${ui.at(-1).toFixed(1)} MB/s, curl -T ${curl.at(-1).toFixed(1)} MB/s`)
}
await browser.close()

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const [uiMedian, curlMedian] = [median(ui), median(curl)]
console.log(
  `file: ${SIZE_MB} MiB, runs: ${RUNS}, medians; load average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
)
console.log(
  `web UI (Uppy + tus, ${patchCount} PATCH(es), ${(size / Math.max(1, patchCount) / 1048576).toFixed(0)} MiB on average): ${uiMedian.toFixed(1)} MB/s`,
)
const gib = size / 1073741824
console.log(
  `CPU per GiB during the UI upload: Chromium ${(median(browserCpu) / gib).toFixed(2)} s` +
    (ferryCpu.length ? `, Ferry ${(median(ferryCpu) / gib).toFixed(2)} s` : ' (Ferry: not started by this script)'),
)
if (ferryCpu.length) {
  const cores = (await import('node:os')).availableParallelism()
  const ceiling = size / 1e6 / ((median(browserCpu) + median(ferryCpu)) / cores)
  console.log(`UI ceiling with ${cores} cores shared by both: ${ceiling.toFixed(1)} MB/s (${(ceiling / curlMedian).toFixed(2)} x curl)`)
}
console.log(`curl -T PUT /api/v1/files/content: ${curlMedian.toFixed(1)} MB/s`)
console.log(`ratio UI / curl: ${(uiMedian / curlMedian).toFixed(2)}`)
process.exit(0)
