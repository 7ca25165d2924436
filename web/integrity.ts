import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import type { Plugin } from 'vite'

const SUMS = 'SHA256SUMS'

const digest = (algorithm: string, bytes: Buffer, encoding: 'base64' | 'hex') =>
  createHash(algorithm).update(bytes).digest(encoding)

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  )

// A server that is not trusted with end-to-end encrypted files must not be able to swap the
// code that encrypts them unnoticed (docs/security.md, "What a malicious server could still
// do"). After the build writes dist/, every script and stylesheet index.html loads gets a
// Subresource Integrity attribute (public/ files such as theme.js included, which Vite's own
// bundle does not see), and dist/SHA256SUMS lists every file the server will serve, so an
// operator compares a running server with a build of the same release (bin/check-ui).
export function integrity(): Plugin {
  let outDir = 'dist'
  return {
    name: 'ferry-integrity',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle: {
      order: 'post',
      handler() {
        const index = join(outDir, 'index.html')
        const html = readFileSync(index, 'utf8').replace(
          /<(script|link)\b[^>]*\s(?:src|href)="(\/[^"?#]+)"[^>]*>/g,
          (tag: string, name: string, path: string) => {
            if (tag.includes(' integrity=')) return tag
            if (name === 'link' && !/\srel="(stylesheet|modulepreload)"/.test(tag)) return tag
            const sri = `sha384-${digest('sha384', readFileSync(join(outDir, path)), 'base64')}`
            return tag.replace(`<${name}`, `<${name} integrity="${sri}"`)
          },
        )
        writeFileSync(index, html)
        const sums = filesUnder(outDir)
          .map((file) => relative(outDir, file).split(sep).join('/'))
          .filter((path) => path !== SUMS)
          .sort()
          .map((path) => `${digest('sha256', readFileSync(join(outDir, path)), 'hex')}  ${path}\n`)
          .join('')
        writeFileSync(join(outDir, SUMS), sums)
        console.log(`UI hash (sha256 of ${SUMS}): ${digest('sha256', Buffer.from(sums), 'hex')}`)
      },
    },
  }
}
