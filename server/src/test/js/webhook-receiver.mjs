// A webhook receiver for WebhookIntegrationTests: prints {"port"} once listening, takes
// the webhook's secret from stdin, a new line replacing it (so it never shows in a
// process list),
// verifies every request with the standardwebhooks package and prints one JSON line per
// request. POST /redirect answers 307 to /target instead.
import http from 'node:http';
import readline from 'node:readline';
import { Webhook } from 'standardwebhooks';

let webhook = null;
let secrets = 0;
readline.createInterface({ input: process.stdin }).on('line', (secret) => {
  webhook = new Webhook(secret.trim());
  console.log(JSON.stringify({ secrets: ++secrets }));
});

const server = http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    if (request.url === '/redirect') {
      const { port } = server.address();
      response.writeHead(307, { Location: `http://127.0.0.1:${port}/target` });
      response.end();
      console.log(JSON.stringify({ path: request.url }));
      return;
    }
    try {
      if (webhook === null) {
        throw new Error('no secret yet');
      }
      const payload = webhook.verify(body, request.headers);
      console.log(JSON.stringify({ path: request.url, verified: true, id: request.headers['webhook-id'], payload }));
      response.writeHead(204);
    } catch (error) {
      console.log(JSON.stringify({ path: request.url, verified: false, error: String(error) }));
      response.writeHead(401);
    }
    response.end();
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: server.address().port }));
});
