// One tus upload with tus-js-client in Node, as a user of either server would run it.
// Usage: node upload.mjs <endpoint> <file> [chunk bytes]; TUS_AUTHORIZATION, when set, is
// sent as the Authorization header; TUS_PATH as the "path" metadata (Ferry's folder).
// Prints one line: "<bytes/s> <upload URL>".
import fs from 'node:fs';
import path from 'node:path';
import * as tus from 'tus-js-client';

const [endpoint, file, chunk] = process.argv.slice(2);
if (!endpoint || !file) {
  console.error('usage: node upload.mjs <endpoint> <file> [chunk bytes]');
  process.exit(2);
}

const size = fs.statSync(file).size;
const headers = process.env.TUS_AUTHORIZATION ? { Authorization: process.env.TUS_AUTHORIZATION } : {};
const metadata = { filename: process.env.TUS_NAME ?? path.basename(file) };
if (process.env.TUS_PATH) {
  metadata.path = process.env.TUS_PATH;
}

const started = process.hrtime.bigint();
const upload = new tus.Upload(fs.createReadStream(file), {
  endpoint,
  headers,
  metadata,
  uploadSize: size,
  chunkSize: chunk ? Number(chunk) : Infinity,
  // A benchmark measures one clean run: a retry would hide a failure in the figure.
  retryDelays: [],
  onError(error) {
    console.error(`upload failed: ${error.message}`);
    process.exit(1);
  },
  onSuccess() {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`${Math.round(size / seconds)} ${upload.url}`);
  },
});
upload.start();
