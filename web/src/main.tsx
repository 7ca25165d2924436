import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { QUERY_DEFAULTS } from './api/queries'
import { App } from './App'
import { AuthProvider } from './auth/AuthProvider'
import { sweepPending } from './e2e/pending'
import { sweepDownloads } from './e2e/resume'
import { I18nProvider } from './i18n/I18nProvider'
import './index.css'
import { ToastProvider } from './ui/Toasts'

const queryClient = new QueryClient({ defaultOptions: { queries: QUERY_DEFAULTS } })

// Decrypted segments of abandoned E2E downloads, and the wrapped keys of abandoned E2E uploads,
// leave the browser's storage; a failure must not keep the app from starting, and the next
// start tries again.
void sweepDownloads().catch(() => undefined)
void sweepPending().catch(() => undefined)

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <ToastProvider>
            <AuthProvider>
              <App />
            </AuthProvider>
          </ToastProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
)
