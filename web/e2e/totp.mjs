// What an authenticator app shows for a base32 secret, with the server's parameters
// (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits); `steps` moves the window, so a test
// computes the code it needs instead of waiting for a window to pass.
import { createHmac } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

export function totp(secret, steps = 0) {
  let bits = ''
  for (const char of secret.replace(/[\s=]/g, '').toUpperCase()) bits += ALPHABET.indexOf(char).toString(2).padStart(5, '0')
  const key = Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000) + steps))
  const mac = createHmac('sha1', key).update(counter).digest()
  const offset = mac[mac.length - 1] & 0x0f
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}
