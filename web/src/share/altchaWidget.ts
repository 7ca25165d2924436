// The `altcha` web component without its bundled blob: workers and inline styles, which the
// Content-Security-Policy refuses: Vite emits the stylesheet and the SHA worker as files of our origin.
import 'altcha/external'
import 'altcha/altcha.css'
import type {} from 'altcha/types/react'
import ShaWorker from 'altcha/workers/sha?worker'

$altcha.algorithms.set('SHA-256', () => new ShaWorker())
