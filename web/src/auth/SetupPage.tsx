import { completeSetup } from '../api/auth'
import { AccountFromLinkPage, SignInLink } from './AccountFromLinkPage'

/** First start without an admin: the server logs /setup#token=..., and this page creates the admin. */
export function SetupPage() {
  return (
    <AccountFromLinkPage
      fragmentKey="token"
      missing={{
        title: 'Setup link needed',
        subtitle: 'This page creates the first administrator.',
        body: (
          <>
            Open the one-time link that Ferry printed in its log on first start (it ends in{' '}
            <code className="kbd">/setup#token=…</code>). If an administrator exists already,{' '}
            <SignInLink>sign in</SignInLink>.
          </>
        ),
      }}
      title="Welcome to Ferry"
      subtitle="Create the administrator account. This link works once."
      submitLabel="Create administrator"
      create={completeSetup}
    />
  )
}
