// Browser-side cost of end-to-end encryption in Debian's Chromium (see bench/README.md,
// "End-to-end encryption"). Bundles web/src/e2e/age.ts, sealer.ts and opener.ts (with their
// workers) with Vite, then in one page measures over the same random file: reading it in
// slices as a plain upload does (CHUNK_MB, default 64 like the UI's PATCHes: the baseline),
// sealing it to age in the page
// (sealedSlice) and as an E2E upload does (Sealer, in the worker), and opening the sealed
// payload in the page (openStream) and as an E2E download does (openStreamInWorker), with the
// cipher the UI loads (web/src/e2e/cipher.ts: libsodium's WebAssembly build). With a
// running server (FERRY_URL, FERRY_EMAIL, FERRY_PASSWORD) it also uploads the same file by
// tus twice, plain and sealed on the fly, and downloads both again (plain, and decrypting),
// so the ratio is E2E against plain over the network as a browser does it. Prints MB/s (of
// plaintext) and the ratios; never fails on a time.
//
//   node bench/e2e-browser.mjs             # 128 MiB (256 exceeds what the headless page may hold in Blobs)
//   FERRY_URL=http://127.0.0.1:8080 FERRY_EMAIL=... FERRY_PASSWORD=... node bench/e2e-browser.mjs
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request as httpRequest } from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// Vite and playwright-core come from the web module's node_modules (npm ci in web/).
const web = createRequire(resolve('web/package.json'))
const { build } = await import(pathToFileURL(web.resolve('vite')).href)
const { chromium } = (await import(pathToFileURL(web.resolve('playwright-core')).href)).default

const SIZE = Number(process.env.SIZE_MB ?? 128) * 1024 * 1024
// The PATCH size (and the slice the sealing worker works in): the UI's, unless CHUNK_MB says otherwise.
const CHUNK = Number(process.env.CHUNK_MB ?? 64) * 1024 * 1024
const out = mkdtempSync(join(tmpdir(), 'ferry-e2e-bench-'))
// The UI's modules as an ES library (age.ts, sealer.ts and opener.ts with their workers), served to the
// page under /ferry-bench/ on the page's own origin, so the worker loads as in the UI.
const entry = join(out, 'entry.ts')
writeFileSync(
  entry,
  `export * from ${JSON.stringify(resolve('web/src/e2e/age.ts'))}\nexport { Sealer } from ${JSON.stringify(resolve('web/src/e2e/sealer.ts'))}\nexport { openStreamInWorker } from ${JSON.stringify(resolve('web/src/e2e/opener.ts'))}\nexport { chunkCipher } from ${JSON.stringify(resolve('web/src/e2e/cipher.ts'))}\n`,
)
await build({
  configFile: false,
  logLevel: 'error',
  root: resolve('web'),
  base: '/ferry-bench/',
  publicDir: false,
  // Library mode leaves process.env.NODE_ENV (react-intl reads it) for a bundler that never comes.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  worker: { format: 'es' },
  build: {
    outDir: join(out, 'dist'),
    lib: { entry, formats: ['es'], fileName: () => 'age.js' },
  },
})
const server = process.env.FERRY_URL?.replace(/\/$/, '')
let token = null
if (server) {
  const login = await fetch(`${server}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: process.env.FERRY_EMAIL,
      password: process.env.FERRY_PASSWORD,
    }),
  })
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`)
  token = (await login.json()).access_token
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
})
let front = null
try {
  // The page's origin is a small local server: /ferry-bench/ from the build above, everything
  // else passed through to Ferry, so tus requests are same-origin as in the UI and the workers
  // load as in the UI. (Playwright routes would do without it, but they intercept every
  // request, request bodies included, which slows the network rows.) The bundle is an inline
  // module script, which only a bypassed CSP lets run.
  const served = new Set()
  front = createServer((req, res) => {
    const path = new URL(req.url, 'http://front').pathname
    if (path.startsWith('/ferry-bench/')) {
      const file = join(out, 'dist', path.slice('/ferry-bench/'.length))
      served.add(
        path
          .split('/')
          .pop()
          .replace(/-[\w-]+\.js$/, '.js'),
      )
      if (!existsSync(file)) return res.writeHead(404).end()
      return res.writeHead(200, { 'Content-Type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(readFileSync(file))
    }
    if (!server) return res.writeHead(404).end()
    const upstream = httpRequest(`${server}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  await new Promise((ready) => front.listen(0, '127.0.0.1', ready))
  const origin = `http://127.0.0.1:${front.address().port}`
  writeFileSync(join(out, 'dist', 'index.html'), '<!doctype html><title>Ferry E2E bench</title>')
  const context = await browser.newContext({ bypassCSP: true })
  const page = await context.newPage()
  await page.goto(`${origin}/ferry-bench/index.html`)
  await page.addScriptTag({
    type: 'module',
    content: "import * as age from '/ferry-bench/age.js'; window.FerryAge = age",
  })
  await page.waitForFunction(() => window.FerryAge)
  const figures = await page.evaluate(
    async ({ size, token, chunk }) => {
      const { sealFile, sealedSlice, sealedSize, openStream, openStreamInWorker, payloadKey, Sealer, chunkCipher } = window.FerryAge
      // Which ChaCha20-Poly1305 the page runs (libsodium's WebAssembly, or @noble/ciphers where it cannot load).
      const cipher = (await chunkCipher()).name
      const bytes = new Uint8Array(size)
      for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536))
      const file = new Blob([bytes])
      const STEP = chunk
      const time = async (work) => {
        const start = performance.now()
        await work()
        return size / 1e6 / ((performance.now() - start) / 1000)
      }
      const plain = await time(async () => {
        for (let at = 0; at < size; at += STEP) await file.slice(at, at + STEP).arrayBuffer()
      })
      // The key mode does not matter here: only the payload is measured.
      const seal = await sealFile({ passphrase: 'benchmark passphrase' })
      const total = sealedSize(size, seal.header.length)
      const inPage = await time(async () => {
        for (let at = 0; at < total; at += STEP) await sealedSlice(file, seal, at, at + STEP)
      })
      // As the UI seals: in the worker, one slice ahead.
      const parts = []
      const sealer = new Sealer(file, seal)
      const encrypt = await time(async () => {
        for (let at = 0; at < total; at += STEP) parts.push(await sealer.slice(at, Math.min(total, at + STEP)))
      })
      sealer.close()
      const payload = new Blob(parts).slice(seal.header.length + 16)
      const drain = async (stream) => {
        const reader = stream.getReader()
        while (!(await reader.read()).done);
      }
      const decryptInPage = await time(() => drain(payload.stream().pipeThrough(openStream(payloadKey(seal), payload.size))))
      // As the UI opens: in the worker.
      const decrypt = await time(async () => drain(payload.stream().pipeThrough(await openStreamInWorker(payloadKey(seal), payload.size))))
      if (!token) return { cipher, plain, inPage, encrypt, decryptInPage, decrypt }

      // Over the network: tus uploads in PATCHes of the UI's size, then downloads.
      const auth = {
        Authorization: `Bearer ${token}`,
        'Tus-Resumable': '1.0.0',
      }
      const upload = async (length, slice) => {
        const name = btoa(`bench-${crypto.randomUUID()}.bin`)
        const created = await fetch('/api/v1/uploads', {
          method: 'POST',
          headers: {
            ...auth,
            'Upload-Length': String(length),
            'Upload-Metadata': `name ${name}`,
          },
        })
        if (created.status !== 201) throw new Error(`tus creation: ${created.status} ${await created.text()}`)
        const url = created.headers.get('Location')
        for (let at = 0; at < length; at += STEP) {
          const body = await slice(at, Math.min(length, at + STEP))
          const patched = await fetch(url, {
            method: 'PATCH',
            headers: {
              ...auth,
              'Upload-Offset': String(at),
              'Content-Type': 'application/offset+octet-stream',
            },
            body,
          })
          if (patched.status !== 204) throw new Error(`tus PATCH: ${patched.status} ${await patched.text()}`)
        }
        return new URL(url, location.href).pathname.split('/').pop()
      }
      const download = async (id, through) => {
        const response = await fetch(`/api/v1/files/${id}/download`, {
          headers: { Authorization: `Bearer ${token}` },
        })
        if (!response.ok) throw new Error(`download: ${response.status}`)
        await drain(await through(response.body))
      }
      let plainId, sealedId
      // Unmeasured: the server's JIT and the first blob writes would otherwise slow whichever runs first.
      await upload(Math.min(size, 2 * STEP), async (at, end) => file.slice(at, end))
      const plainUpload = await time(async () => {
        plainId = await upload(size, async (at, end) => file.slice(at, end))
      })
      const netSeal = await sealFile({ passphrase: 'benchmark passphrase' })
      const netSealer = new Sealer(file, netSeal)
      const e2eUpload = await time(async () => {
        sealedId = await upload(netSealer.size, async (at, end) => new Blob([await netSealer.slice(at, end)]))
      })
      netSealer.close()
      const plainDownload = await time(() => download(plainId, (body) => body))
      const skip = netSeal.header.length + 16
      const e2eDownload = await time(() =>
        download(sealedId, async (body) => {
          let seen = 0
          const payload = new TransformStream({
            transform(chunk, controller) {
              const from = Math.max(0, skip - seen)
              seen += chunk.length
              if (from < chunk.length) controller.enqueue(chunk.subarray(from))
            },
          })
          return body.pipeThrough(payload).pipeThrough(await openStreamInWorker(payloadKey(netSeal), sealedSize(size, netSeal.header.length) - skip))
        }),
      )
      return {
        cipher,
        plain,
        inPage,
        encrypt,
        decryptInPage,
        decrypt,
        plainUpload,
        e2eUpload,
        plainDownload,
        e2eDownload,
      }
    },
    { size: SIZE, token, chunk: CHUNK },
  )
  const line = (label, mbps) => console.log(`${label.padEnd(46)} ${mbps.toFixed(0).padStart(6)} MB/s  (${(mbps / figures.plain).toFixed(2)}x)`)
  console.log(`E2E crypto in Chromium, ${SIZE / 1024 / 1024} MiB (workers loaded: ${['seal.worker.js', 'open.worker.js'].map((w) => `${w} ${served.has(w) ? 'yes' : 'NO, in the page'}`).join(', ')})`)
  console.log(`cipher: ${figures.cipher}`)
  line(`read in ${CHUNK / 1024 / 1024} MiB slices (plain upload)`, figures.plain)
  line('seal to age in the page', figures.inPage)
  line('seal to age in the worker (E2E upload)', figures.encrypt)
  line('open age payload in the page', figures.decryptInPage)
  line('open age payload in the worker (E2E download)', figures.decrypt)
  if (figures.plainUpload) {
    const pair = (label, e2e, plain) =>
      console.log(`${label.padEnd(46)} plain ${plain.toFixed(0).padStart(5)} MB/s  E2E ${e2e.toFixed(0).padStart(5)} MB/s  (${(e2e / plain).toFixed(2)}x, goal >= 0.80x)`)
    console.log(`Over the network to ${server}`)
    pair(`tus upload, ${CHUNK / 1024 / 1024} MiB PATCHes`, figures.e2eUpload, figures.plainUpload)
    pair('download (E2E: decrypting)', figures.e2eDownload, figures.plainDownload)
  }
} finally {
  await browser.close()
  front?.close()
  rmSync(out, { recursive: true, force: true })
}
