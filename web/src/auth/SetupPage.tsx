import { FormattedMessage, useIntl } from 'react-intl'
import { completeSetup } from '../api/auth'
import { AccountFromLinkPage, SignInLink } from './AccountFromLinkPage'

/** First start without an admin: the server logs /setup#token=..., and this page creates the admin. */
/** What the setup link ends in, a URL and so never translated. */
const SETUP_PATH = '/setup#token=…'

export function SetupPage() {
  const intl = useIntl()
  return (
    <AccountFromLinkPage
      fragmentKey="token"
      missing={{
        title: intl.formatMessage({ id: 'auth.setup.missing.title', defaultMessage: 'Setup link needed' }),
        subtitle: intl.formatMessage({
          id: 'auth.setup.missing.subtitle',
          defaultMessage: 'This page creates the first administrator.',
        }),
        body: (
          <FormattedMessage
            id="auth.setup.missing.body"
            defaultMessage="Open the one-time link that Ferry printed in its log on first start (it ends in {path}). If an administrator exists already, <link>sign in</link>."
            values={{
              path: (
                <code className="kbd" dir="ltr">
                  {SETUP_PATH}
                </code>
              ),
              link: (chunks) => <SignInLink>{chunks}</SignInLink>,
            }}
          />
        ),
      }}
      title={intl.formatMessage({ id: 'auth.setup.title', defaultMessage: 'Welcome to Ferry' })}
      subtitle={intl.formatMessage({
        id: 'auth.setup.subtitle',
        defaultMessage: 'Create the administrator account. This link works once.',
      })}
      submitLabel={intl.formatMessage({ id: 'auth.setup.submit', defaultMessage: 'Create administrator' })}
      create={completeSetup}
    />
  )
}
