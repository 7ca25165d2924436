// The official Node tus server (@tus/server with @tus/file-store, no encryption), the peer
// bench/tus-node.sh measures Ferry's tus uploads against. Usage: node server.mjs <port> <dir>
import http from 'node:http';
import { Server } from '@tus/server';
import { FileStore } from '@tus/file-store';

const [port, directory] = process.argv.slice(2);
if (!port || !directory) {
  console.error('usage: node server.mjs <port> <directory>');
  process.exit(2);
}

const tus = new Server({ path: '/files', datastore: new FileStore({ directory }) });
http
  .createServer((req, res) => tus.handle(req, res))
  .listen(Number(port), '127.0.0.1', () => console.log(`tus server on 127.0.0.1:${port}, files in ${directory}`));
