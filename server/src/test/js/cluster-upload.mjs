// Uploads a file with the real tus-js-client through a load balancer in 1 MiB PATCHes
// (the server's smallest PATCH that is not the last), retrying through the balancer when a
// node goes away. Prints "half" once more than half has been sent (the cluster test kills
// a node then), and at the end one JSON line: {"url", "nodes", "patches", "failures"}:
// the X-Ferry-Node of every node that answered a PATCH, how many PATCHes were answered,
// and how many requests failed and were retried.
//
//   FERRY_TOKEN=<access token> node cluster-upload.mjs <endpoint> <file>
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import * as tus from 'tus-js-client'

const [endpoint, file] = process.argv.slice(2)
const token = process.env.FERRY_TOKEN
if (!endpoint || !file || !token) {
  console.error('usage: FERRY_TOKEN=<token> node cluster-upload.mjs <endpoint> <file>')
  process.exit(2)
}

const data = readFileSync(file)
const nodes = new Set()
let patches = 0
let failures = 0
let half = false

try {
  const url = await new Promise((resolve, reject) => {
    const upload = new tus.Upload(data, {
      endpoint,
      headers: { Authorization: `Bearer ${token}` },
      chunkSize: 1024 * 1024,
      retryDelays: [0, 250, 500, 1000, 1000, 2000, 2000, 4000, 4000, 8000],
      metadata: { filename: basename(file), filetype: 'application/octet-stream', path: '/cluster' },
      onAfterResponse (request, response) {
        if (request.getMethod() === 'PATCH' && response.getStatus() === 204) {
          patches++
          nodes.add(response.getHeader('X-Ferry-Node'))
        }
      },
      // tus-js-client's own rule (no retry for a 4xx but 409 and 423), counting retries.
      onShouldRetry (error) {
        const status = error.originalResponse ? error.originalResponse.getStatus() : 0
        const retry = !(status >= 400 && status < 500 && status !== 409 && status !== 423)
        failures += retry ? 1 : 0
        return retry
      },
      onProgress (sent, total) {
        if (!half && sent > total / 2) {
          half = true
          console.log('half')
        }
      },
      onSuccess: () => resolve(upload.url),
      onError: reject,
    })
    upload.start()
  })
  console.log(JSON.stringify({ url, nodes: [...nodes].sort(), patches, failures }))
} catch (error) {
  console.error(`tus-js-client failed: ${error}`)
  process.exit(1)
}
