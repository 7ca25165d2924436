import { defineMessages } from 'react-intl'
import { translate } from '../i18n/current'
const WORDS = defineMessages({
  unknown: { id: 'lib.userAgent.unknown', defaultMessage: 'Unknown device' },
  apiClient: { id: 'lib.userAgent.apiClient', defaultMessage: 'API client' },
  browser: { id: 'lib.userAgent.browser', defaultMessage: 'Browser' },
  on: { id: 'lib.userAgent.on', defaultMessage: '{browser} on {os}' },
})

/** "Firefox on macOS" from a User-Agent string; enough to recognise one's own devices. */
export function describeUserAgent(ua: string | null | undefined): string {
  if (!ua) return translate(WORDS.unknown)
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /OPR\//.test(ua)
      ? 'Opera'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /(Chrome|Chromium|HeadlessChrome)\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : /curl\//i.test(ua)
              ? 'curl'
              : /ferry-cli|ferry\//i.test(ua)
                ? 'Ferry CLI'
                : /okhttp|java|python|go-http/i.test(ua)
                  ? translate(WORDS.apiClient)
                  : translate(WORDS.browser)
  const os = /iPhone|iPad|iPod/.test(ua)
    ? 'iOS'
    : /Android/.test(ua)
      ? 'Android'
      : /Mac OS X|Macintosh/.test(ua)
        ? 'macOS'
        : /Windows/.test(ua)
          ? 'Windows'
          : /CrOS/.test(ua)
            ? 'ChromeOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : ''
  return os ? translate(WORDS.on, { browser, os }) : browser
}
