// Uploads a file with the real tus-js-client, aborts it once more than half has been sent,
// then resumes it with a NEW tus.Upload pointed at the same upload URL (and PATCH sent as
// POST + X-HTTP-Method-Override, as tus-js-client does behind proxies that drop PATCH).
// Prints one JSON line: {"url", "aborted_after", "resumed_from", "size"}.
// With FERRY_UPLOAD_REQUEST instead of FERRY_TOKEN it uploads through an upload request
// (the session goes in the X-Upload-Request header, no account). PATCH bodies are 1 MiB
// (the server's smallest for a PATCH that is not the last); FERRY_CHUNK_SIZE=default
// keeps tus-js-client's own default for the resume instead (Infinity: one PATCH with the
// whole rest). In that mode the first attempt is one raw PATCH of the whole file cut off
// after 60 % of the body: tus-js-client reports progress at most every 100 ms, so on a
// fast server its own abort could come after the last byte.
//
//   FERRY_TOKEN=<access token> node resume-upload.mjs <endpoint> <file>
//   FERRY_UPLOAD_REQUEST=<upload-request session> node resume-upload.mjs <endpoint> <file>
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { basename } from 'node:path'
import * as tus from 'tus-js-client'

const [endpoint, file] = process.argv.slice(2)
const token = process.env.FERRY_TOKEN
const uploadRequest = process.env.FERRY_UPLOAD_REQUEST
if (!endpoint || !file || !(token || uploadRequest)) {
  console.error('usage: FERRY_TOKEN=<token> | FERRY_UPLOAD_REQUEST=<session> node resume-upload.mjs <endpoint> <file>')
  process.exit(2)
}

const data = readFileSync(file)
const options = {
  endpoint,
  headers: uploadRequest ? { 'X-Upload-Request': uploadRequest } : { Authorization: `Bearer ${token}` },
  ...(process.env.FERRY_CHUNK_SIZE === 'default' ? {} : { chunkSize: 1024 * 1024 }),
  retryDelays: [0, 250, 500, 1000, 2000, 4000],
  metadata: { filename: basename(file), filetype: 'application/octet-stream', path: '/js-client' },
}

function uploadUntilHalfThenAbort () {
  return new Promise((resolve, reject) => {
    let aborted = false
    const upload = new tus.Upload(data, {
      ...options,
      onProgress (sent, total) {
        if (!aborted && sent > total / 2) {
          aborted = true
          upload.abort().then(() => resolve({ url: upload.url, sent }), reject)
        }
      },
      onSuccess: () => reject(new Error('the upload finished before it could be aborted')),
      onError: reject,
    })
    upload.start()
  })
}

function send (method, url, headers, body) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...options.headers, 'Tus-Resumable': '1.0.0', ...headers } })
    req.on('response', (response) => {
      response.resume()
      resolve(response)
    })
    req.on('error', reject)
    req.end(body)
  })
}

async function cutOneBodyMidway () {
  const metadata = Object.entries(options.metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',')
  const created = await send('POST', endpoint, { 'Upload-Length': String(data.length), 'Upload-Metadata': metadata })
  if (created.statusCode !== 201) {
    throw new Error(`creation answered ${created.statusCode}`)
  }
  const url = new URL(created.headers.location, endpoint).toString()
  const sent = Math.floor(data.length * 0.6)
  await new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'PATCH',
      headers: {
        ...options.headers,
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': '0',
        'Content-Type': 'application/offset+octet-stream',
        'Content-Length': String(data.length),
      },
    })
    // Closing after the write has reached the kernel: what is in flight still arrives,
    // then the server sees the body end short of its Content-Length.
    req.on('error', () => resolve())
    req.on('response', () => reject(new Error('the server answered a body that was never finished')))
    req.write(data.subarray(0, sent), () => {
      req.destroy()
      resolve()
    })
  })
  return { url, sent }
}

function resume (url) {
  return new Promise((resolve, reject) => {
    let resumedFrom = null
    const upload = new tus.Upload(data, {
      ...options,
      uploadUrl: url,
      overridePatchMethod: true,
      onAfterResponse (request, response) {
        if (request.getMethod() === 'HEAD' && resumedFrom === null) {
          resumedFrom = Number(response.getHeader('Upload-Offset'))
        }
      },
      onSuccess: () => resolve({ url: upload.url, resumedFrom }),
      onError: reject,
    })
    upload.start()
  })
}

try {
  const first = process.env.FERRY_CHUNK_SIZE === 'default' ? await cutOneBodyMidway() : await uploadUntilHalfThenAbort()
  const second = await resume(first.url)
  console.log(JSON.stringify({
    url: second.url,
    aborted_after: first.sent,
    resumed_from: second.resumedFrom,
    size: data.length,
  }))
} catch (error) {
  console.error(`tus-js-client failed: ${error}`)
  process.exit(1)
}
