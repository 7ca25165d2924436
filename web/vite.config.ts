import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { integrity } from './integrity'

// The server (mvn package, java -jar) serves dist/ from the jar; `npm run dev` proxies the API to it.
const server = process.env.FERRY_DEV_SERVER ?? 'http://127.0.0.1:8080'

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
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Vitest leaves one core free by default, which on a two-core CI machine means one
    // worker: 63 s instead of 41 s for the suite, while nothing else runs beside it.
    maxWorkers: '100%',
  },
})
