import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { integrity } from './integrity'

// The server (mvn package, java -jar) serves dist/ from the jar; `npm run dev` proxies the API to it.
const server = process.env.FERRY_DEV_SERVER ?? 'http://127.0.0.1:8080'

// Test files run in workers that keep their modules from one file to the next (isolate: false):
// importing React, the router and the catalogues once instead of once per file takes a third
// of the suite's CPU away. A file that replaces a module (vi.mock) gets a module graph of its
// own, since another file may already have loaded the real module it replaces.
const sources = fileURLToPath(new URL('src/', import.meta.url))
const tests = readdirSync(sources, { recursive: true, encoding: 'utf8' }).filter((file) => /\.test\.tsx?$/.test(file))
const mocking = tests.filter((file) => /\bvi\.(do)?[mM]ock\(/.test(readFileSync(sources + file, 'utf8')))

export default defineConfig({
  plugins: [react(), tailwindcss(), integrity()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    // Inlined assets would become data: URLs; fonts are not allowed as data: by the CSP.
    assetsInlineLimit: 0,
  },
  // The E2E sealing worker (src/e2e/seal.worker.ts) is a module worker, loaded from 'self'.
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, proxy: { '/api': server, '/health': server } },
  preview: { proxy: { '/api': server, '/health': server } },
  test: {
    environment: 'node',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    css: false,
    // Vitest leaves one core free by default, which on a two-core CI machine means one
    // worker: 63 s instead of 41 s for the suite, while nothing else runs beside it.
    maxWorkers: '100%',
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: tests.filter((file) => !mocking.includes(file)).map((file) => `src/${file}`),
          isolate: false,
        },
      },
      { extends: true, test: { name: 'mocking', include: mocking.map((file) => `src/${file}`), isolate: true } },
    ],
  },
})
