import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { ApiError } from '../api/client'
import { sessionHeaders, shareFileUrl, type PublicShare } from '../api/share'
import { FileIcon } from '../files/FileIcon'
import { saveGenerated } from '../lib/download'
import { formatBytes, formatEta, formatSpeed, percent } from '../lib/format'
import { etaSeconds, RateMeter } from '../lib/rate'
import { Button } from '../ui/Button'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { fromBase64, headerLength, needsPassphrase, openText } from './age'
import { chooseSink, counting, openDownload, prepareDownloads, type Key } from './download'
import { ResumableDownload, resumableDownloads } from './resume'
import { localized } from './errors'
import { getAgeKey, unlockAgeKey, wrappedByPasskey } from './keys'
import { parseManifest, type Manifest } from './manifest'

const SECRET_KEY_PREFIX = 'AGE-SECRET-KEY-1…'
const AGE_COMMAND = 'age -d -i ferry-key.txt file.age'

/** The identity a link key carries in its fragment, which browsers never send to the server. */
function fragmentIdentity(hash = window.location.hash): string | null {
  let fragment: string
  try {
    fragment = decodeURIComponent(hash.slice(1)).trim()
  } catch {
    // A cut paste ("#%"): no key, and the page asks for one instead of failing.
    return null
  }
  return fragment.startsWith('AGE-SECRET-KEY-1') ? fragment : null
}

/** The files of an end-to-end encrypted link: opened and decrypted in this browser only. */
export function EncryptedFiles({ token, share, session }: { token: string; share: PublicShare; session: string | null }) {
  const [key, setKey] = useState<Key | null>(() => {
    const identity = fragmentIdentity()
    return identity ? { identity } : null
  })
  const [manifest, setManifest] = useState<Manifest | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => prepareDownloads(), [])
  useEffect(() => {
    if (!key) return
    let current = true
    const fallback = share.files.map((f) => ({ id: f.id, name: f.name, type: null, size: null }))
    const opening = share.manifest
      ? openText(share.manifest, key).then(parseManifest)
      : Promise.resolve({ title: null, message: null, files: fallback })
    opening.then(
      (m) => current && setManifest(m),
      (e: unknown) => {
        if (!current) return
        setError(e)
        setKey(null)
      },
    )
    return () => {
      current = false
    }
  }, [key, share])

  if (!key) return <KeyForm share={share} error={error} onKey={(k) => (setError(null), setKey(k))} />
  if (!manifest)
    return (
      <p className="text-sm muted">
        <FormattedMessage id="e2e.files.decryptingList" defaultMessage="Decrypting the file list in this browser…" />
      </p>
    )
  return <DecryptedList token={token} share={share} session={session} secret={key} manifest={manifest} />
}

function KeyForm({ share, error, onKey }: { share: PublicShare; error: unknown; onKey: (k: Key) => void }) {
  const intl = useIntl()
  const passphrase = share.manifest ? needsPassphrase(manifestHeader(share.manifest)) : false
  const [value, setValue] = useState('')
  const [own, setOwn] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const mine = useQuery({ queryKey: ['e2e-own-key'], queryFn: getAgeKey, enabled: own, retry: false })
  const byPasskey = own && mine.data !== undefined && wrappedByPasskey(mine.data)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setFailure(null)
    if (!own) return onKey(passphrase ? { passphrase: value } : { identity: value.trim() })
    try {
      onKey({ identity: await unlockAgeKey(byPasskey ? null : value) })
    } catch (e) {
      setFailure(
        e instanceof ApiError
          ? new Error(
              intl.formatMessage({
                id: 'e2e.files.signInForKey',
                defaultMessage: 'Sign in to this server in this browser to use your key.',
              }),
            )
          : e,
      )
    }
  }
  return (
    <form className="space-y-4" onSubmit={(e) => void submit(e)}>
      <EncryptedNotice />
      {!passphrase && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={own} onChange={(e) => setOwn(e.target.checked)} />
          <FormattedMessage id="e2e.files.ownKey" defaultMessage="Sent to my Ferry key (I am signed in)" />
        </label>
      )}
      {!byPasskey && (
      <TextField
        label={
          passphrase
            ? intl.formatMessage({ id: 'e2e.files.passphrase', defaultMessage: 'Passphrase' })
            : own
              ? intl.formatMessage({ id: 'e2e.files.keyPassphrase', defaultMessage: 'Key passphrase' })
              : intl.formatMessage({ id: 'e2e.files.secretKey', defaultMessage: 'Secret key' })
        }
        type={passphrase || own ? 'password' : 'text'}
        autoComplete="off"
        placeholder={passphrase || own ? undefined : SECRET_KEY_PREFIX}
        autoFocus
        required
        value={value}
        onChange={(e) => setValue(e.target.value)}
        hint={intl.formatMessage({
          id: 'e2e.files.keyStaysHere',
          defaultMessage: 'It stays in this browser: the server never sees it.',
        })}
      />
      )}
      <InlineError error={localized(intl, failure ?? error)} />
      <Button type="submit" variant="primary" icon="key" className="w-full" disabled={own && mine.isPending}>
        {byPasskey ? (
          <FormattedMessage id="e2e.files.decryptWithPasskey" defaultMessage="Decrypt with my passkey" />
        ) : (
          <FormattedMessage id="e2e.files.decrypt" defaultMessage="Decrypt" />
        )}
      </Button>
    </form>
  )
}

function manifestHeader(manifest: string): Uint8Array {
  const bytes = fromBase64(manifest)
  const length = headerLength(bytes)
  return length > 0 ? bytes.subarray(0, length) : bytes
}

function EncryptedNotice() {
  return (
    <p className="flex items-start gap-2 rounded-lg bg-zinc-50 p-3 text-sm dark:bg-zinc-800/60">
      <Icon name="shield" className="mt-0.5 size-4 shrink-0" />
      <FormattedMessage
        id="e2e.files.notice"
        defaultMessage="End-to-end encrypted: files are decrypted only in this browser. The server cannot read them, so it could not scan them for viruses, and there are no previews."
      />
    </p>
  )
}

interface Running {
  name: string
  bytes: number
  total: number
  rate: number
}

function DecryptedList({
  token,
  share,
  session,
  secret,
  manifest,
}: {
  token: string
  share: PublicShare
  session: string | null
  secret: Key
  manifest: Manifest
}) {
  const intl = useIntl()
  const queries = useQueryClient()
  const [running, setRunning] = useState<Running | null>(null)
  // Set before the first await: until the download shows progress (sink chosen, header
  // read) a second click would start a second GET, spending another of the link's downloads.
  const busy = useRef(false)
  const [started, setStarted] = useState(false)
  const [done, setDone] = useState<string[]>([])
  const [error, setError] = useState<unknown>(null)
  const sizes = new Map(share.files.map((f) => [f.id, f.size]))
  const files = manifest.files.filter((f) => sizes.has(f.id))

  const download = async (file: Manifest['files'][number]) => {
    const sealedSize = sizes.get(file.id) ?? 0
    const resume = resumableDownloads() ? new ResumableDownload(`${token}-${file.id}`, sealedSize) : null
    const sink = resume ? null : await chooseSink(saveGenerated)
    const fetcher = (start: number) =>
      fetch(shareFileUrl(token, file.id), {
        headers: { ...sessionHeaders(session), ...(start > 0 ? { Range: `bytes=${start}-` } : {}) },
      })
    const { plain, size } = await openDownload(fetcher, sealedSize, secret, resume ? (nonce) => resume.start(nonce) : undefined)
    const meter = new RateMeter()
    const from = resume?.resumedBytes ?? 0
    setRunning({ name: file.name, bytes: from, total: size, rate: 0 })
    const out = resume ? resume.writable() : await sink!.open(file.name, size)
    await plain
      .pipeThrough(
        counting(size, (p) =>
          setRunning({ name: file.name, bytes: from + p.bytes, total: p.total, rate: meter.sample(p.bytes, performance.now()) }),
        ),
      )
      .pipeTo(out)
    if (resume) saveGenerated(await resume.finish(), file.name)
    setDone((d) => [...d, file.id])
  }
  const run = async (list: Manifest['files']) => {
    if (busy.current) return
    busy.current = true
    setStarted(true)
    setError(null)
    try {
      for (const file of list) await download(file)
    } catch (e) {
      setError(e)
    } finally {
      busy.current = false
      setStarted(false)
      setRunning(null)
      void queries.invalidateQueries({ queryKey: ['share', token] })
    }
  }
  const identity = 'identity' in secret ? secret.identity : null

  return (
    <div className="space-y-5">
      <EncryptedNotice />
      {manifest.title && <h2 className="text-lg font-semibold">{manifest.title}</h2>}
      {manifest.message && (
        <p className="rounded-lg bg-zinc-50 p-4 text-[15px] whitespace-pre-wrap dark:bg-zinc-800/60">{manifest.message}</p>
      )}
      <ul
        className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
        aria-label={intl.formatMessage({ id: 'e2e.files.listLabel', defaultMessage: 'Files' })}
      >
        {files.map((f) => (
          <li key={f.id} className="flex items-center gap-3 px-3 py-2.5">
            <FileIcon name={f.name} contentType={f.type} />
            <span className="min-w-0 flex-1">
              <span className="block truncate text-[15px] font-medium">{f.name}</span>
              <span className="block text-sm muted">
                {done.includes(f.id) ? (
                  <FormattedMessage
                    id="e2e.files.sizeSaved"
                    defaultMessage="{size} · decrypted and saved"
                    values={{ size: formatBytes(f.size ?? sizes.get(f.id) ?? 0) }}
                  />
                ) : (
                  formatBytes(f.size ?? sizes.get(f.id) ?? 0)
                )}
              </span>
            </span>
            <Button
              size="sm"
              variant="ghost"
              icon="download"
              disabled={started}
              onClick={() => void run([f])}
              aria-label={intl.formatMessage(
                { id: 'e2e.files.downloadName', defaultMessage: 'Download {name}' },
                { name: f.name },
              )}
            >
              <FormattedMessage id="e2e.files.download" defaultMessage="Download" />
            </Button>
          </li>
        ))}
      </ul>
      {running && (
        <p className="text-sm" role="status">
          <FormattedMessage
            id="e2e.files.decrypting"
            defaultMessage="Decrypting {name}: {percent}% · {speed} · {eta}"
            values={{
              name: <bdi>{running.name}</bdi>,
              percent: percent(running.bytes, running.total),
              speed: formatSpeed(running.rate),
              eta: formatEta(etaSeconds(running.total - running.bytes, running.rate)),
            }}
          />
        </p>
      )}
      <InlineError error={localized(intl, error)} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm muted">
          {share.downloads_left != null ? (
            <FormattedMessage
              id="e2e.files.summaryWithLimit"
              defaultMessage="{count, plural, one {# file} other {# files}} · {left, plural, one {# download left} other {# downloads left}}"
              values={{ count: files.length, left: share.downloads_left }}
            />
          ) : (
            <FormattedMessage
              id="e2e.files.summary"
              defaultMessage="{count, plural, one {# file} other {# files}}"
              values={{ count: files.length }}
            />
          )}
        </p>
        <div className="flex flex-wrap gap-2">
          {identity && (
            <Button
              icon="key"
              onClick={() => saveGenerated(new Blob([`${identity}\n`], { type: 'text/plain' }), 'ferry-key.txt')}
            >
              <FormattedMessage id="e2e.files.saveKey" defaultMessage="Save the key as a file" />
            </Button>
          )}
          {files.length > 1 && (
            <Button variant="primary" icon="download" disabled={started} onClick={() => void run(files)}>
              <FormattedMessage id="e2e.files.downloadAll" defaultMessage="Download all" />
            </Button>
          )}
        </div>
      </div>
      {identity && (
        <p className="text-sm muted">
          <FormattedMessage
            id="e2e.files.ageTool"
            defaultMessage="With the key file, the age tool opens a downloaded file too: <code>{command}</code>"
            values={{ command: AGE_COMMAND, code: (chunks) => <code dir="ltr">{chunks}</code> }}
          />
        </p>
      )}
    </div>
  )
}
