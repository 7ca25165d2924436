import { solve, type AltchaChallenge } from './altcha'

// The DOM typings see Window here; a dedicated worker's postMessage takes the message alone.
const post = (message: unknown) => (self as unknown as { postMessage(m: unknown): void }).postMessage(message)

/** Solves one challenge off the page's thread: posts {tried} now and then, then {number}. */
self.onmessage = async (event: MessageEvent<AltchaChallenge>) => {
  try {
    post({ number: await solve(event.data, (tried) => post({ tried })) })
  } catch (e) {
    post({ error: e instanceof Error ? e.message : String(e) })
  }
}
