import { useAuth } from '../auth/AuthProvider'
import { AgeKeySection } from '../e2e/AgeKeySection'
import { Badge } from '../ui/Badge'
import { PageHeader, Section } from '../ui/PageHeader'
import { ApiKeysSection } from './ApiKeysSection'
import { AuthorizedAppsSection } from './AuthorizedAppsSection'
import { LanguageSetting } from './LanguageSetting'
import { PasskeysSection } from './PasskeysSection'
import { PasswordSection, TwoFactorSection } from './SecuritySection'
import { SessionsSection } from './SessionsSection'
import { SshKeysSection } from './SshKeysSection'
import { WebhooksSection } from './WebhooksSection'

export function AccountPage() {
  const { me } = useAuth()
  return (
    <>
      <PageHeader
        title="Account"
        description="Your profile, sign-in security, where you are signed in, and keys for scripts and tools."
      />
      <div className="space-y-6">
        <Section title="Profile">
          <dl className="grid gap-x-6 gap-y-4 px-5 py-5 sm:grid-cols-3 sm:px-6">
            <div className="min-w-0">
              <dt className="text-sm muted">Email</dt>
              <dd className="mt-0.5 truncate font-medium" title={me?.email}>
                {me?.email}
              </dd>
            </div>
            <div>
              <dt className="text-sm muted">Role</dt>
              <dd className="mt-1">
                <Badge tone={me?.role === 'admin' ? 'accent' : 'neutral'}>
                  <span className="capitalize">{me?.role}</span>
                </Badge>
              </dd>
            </div>
            <div className="min-w-0">
              <dt className="text-sm muted">Account ID</dt>
              <dd className="mt-0.5 truncate font-mono text-sm" title={me?.id}>
                {me?.id}
              </dd>
            </div>
          </dl>
        </Section>
        <LanguageSetting />
        <TwoFactorSection />
        <PasskeysSection />
        <PasswordSection directoryAccount={me?.directory_account === true} />
        <SessionsSection />
        <ApiKeysSection />
        <SshKeysSection />
        <WebhooksSection />
        <AuthorizedAppsSection />
        <AgeKeySection />
      </div>
    </>
  )
}
