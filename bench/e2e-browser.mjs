// Browser-side cost of end-to-end encryption in Debian's Chromium (see bench/README.md,
// "End-to-end encryption"). Bundles web/src/e2e/age.ts with Vite, then in one page measures
// over the same random file: reading it in 8 MiB slices as a plain upload does (baseline),
// sealing it to age as an E2E upload does (sealedSlice), and opening the sealed payload
// (openStream). Prints MB/s and the ratio to the baseline; never fails on a time.
//
//   node bench/e2e-browser.mjs             # 256 MiB; SIZE_MB=64 for a quick look
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// Vite and playwright-core come from the web module's node_modules (npm ci in web/).
const web = createRequire(resolve('web/package.json'))
const { build } = await import(pathToFileURL(web.resolve('vite')).href)
const { chromium } = (await import(pathToFileURL(web.resolve('playwright-core')).href)).default

const SIZE = Number(process.env.SIZE_MB ?? 256) * 1024 * 1024
const out = mkdtempSync(join(tmpdir(), 'ferry-e2e-bench-'))
await build({
  configFile: false,
  logLevel: 'error',
  root: resolve('web'),
  build: { outDir: out, lib: { entry: resolve('web/src/e2e/age.ts'), formats: ['iife'], name: 'FerryAge', fileName: () => 'age.js' } },
})
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] })
try {
  const page = await browser.newPage()
  await page.addScriptTag({ content: readFileSync(join(out, 'age.js'), 'utf8') })
  const figures = await page.evaluate(async (size) => {
    const { sealFile, sealedSlice, sealedSize, openStream, payloadKey } = window.FerryAge
    const bytes = new Uint8Array(size)
    for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536))
    const file = new Blob([bytes])
    const STEP = 8 * 1024 * 1024
    const time = async (work) => {
      const start = performance.now()
      await work()
      return (size / 1e6) / ((performance.now() - start) / 1000)
    }
    const plain = await time(async () => {
      for (let at = 0; at < size; at += STEP) await file.slice(at, at + STEP).arrayBuffer()
    })
    // The key mode does not matter here: only the payload is measured.
    const seal = await sealFile({ passphrase: 'benchmark passphrase' })
    const total = sealedSize(size, seal.header.length)
    const parts = []
    const encrypt = await time(async () => {
      for (let at = 0; at < total; at += STEP) parts.push(await sealedSlice(file, seal, at, at + STEP))
    })
    const payload = new Blob(parts).slice(seal.header.length + 16)
    const decrypt = await time(async () => {
      const stream = payload.stream().pipeThrough(openStream(payloadKey(seal), payload.size))
      const reader = stream.getReader()
      while (!(await reader.read()).done);
    })
    return { plain, encrypt, decrypt }
  }, SIZE)
  const line = (label, mbps) => console.log(`${label.padEnd(34)} ${mbps.toFixed(0).padStart(6)} MB/s  (${(mbps / figures.plain).toFixed(2)}x)`)
  console.log(`E2E crypto in Chromium, ${SIZE / 1024 / 1024} MiB`)
  line('read in 8 MiB slices (plain upload)', figures.plain)
  line('seal to age (E2E upload)', figures.encrypt)
  line('open age payload (E2E download)', figures.decrypt)
} finally {
  await browser.close()
  rmSync(out, { recursive: true, force: true })
}
