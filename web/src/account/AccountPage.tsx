import { FormattedMessage, useIntl } from 'react-intl'
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
import { ROLE_NAMES } from './roles'

export function AccountPage() {
  const intl = useIntl()
  const { me } = useAuth()
  return (
    <>
      <PageHeader
        title={intl.formatMessage({ id: 'account.accountPage.account', defaultMessage: 'Account' })}
        description={intl.formatMessage({
          id: 'account.accountPage.yourProfileSignIn',
          defaultMessage: 'Your profile, sign-in security, where you are signed in, and keys for scripts and tools.',
        })}
      />
      <div className="space-y-6">
        <Section title={intl.formatMessage({ id: 'account.accountPage.profile', defaultMessage: 'Profile' })}>
          <dl className="grid gap-x-6 gap-y-4 px-5 py-5 sm:grid-cols-3 sm:px-6">
            <div className="min-w-0">
              <dt className="text-sm muted">
                <FormattedMessage id="account.accountPage.email" defaultMessage="Email" />
              </dt>
              <dd className="mt-0.5 truncate font-medium" title={me?.email}>
                {me?.email}
              </dd>
            </div>
            <div>
              <dt className="text-sm muted">
                <FormattedMessage id="account.accountPage.role" defaultMessage="Role" />
              </dt>
              <dd className="mt-1">
                <Badge tone={me?.role === 'admin' ? 'accent' : 'neutral'}>
                  {me?.role ? intl.formatMessage(ROLE_NAMES[me.role]) : null}
                </Badge>
              </dd>
            </div>
            <div className="min-w-0">
              <dt className="text-sm muted">
                <FormattedMessage id="account.accountPage.accountId" defaultMessage="Account ID" />
              </dt>
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
