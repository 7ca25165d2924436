import { FormattedMessage, useIntl } from 'react-intl'
import { register } from '../api/auth'
import { AccountFromLinkPage, SignInLink } from './AccountFromLinkPage'

/** Accepts an invitation: the admin's link is /register#invitation=..., for one email address. */
export function RegisterPage() {
  const intl = useIntl()
  return (
    <AccountFromLinkPage
      fragmentKey="invitation"
      missing={{
        title: intl.formatMessage({ id: 'auth.register.missing.title', defaultMessage: 'Invitation needed' }),
        subtitle: intl.formatMessage({
          id: 'auth.register.missing.subtitle',
          defaultMessage: 'Ferry accounts are created by invitation.',
        }),
        body: (
          <FormattedMessage
            id="auth.register.missing.body"
            defaultMessage="Open the link from your invitation email, or ask an administrator to invite you. Already have an account? <link>Sign in</link>."
            values={{ link: (chunks) => <SignInLink>{chunks}</SignInLink> }}
          />
        ),
      }}
      title={intl.formatMessage({ id: 'auth.register.title', defaultMessage: 'Create your account' })}
      subtitle={intl.formatMessage({
        id: 'auth.register.subtitle',
        defaultMessage: 'You were invited to Ferry. Use the email address the invitation was sent to.',
      })}
      footer={
        <SignInLink>
          <FormattedMessage id="auth.register.haveAccount" defaultMessage="I already have an account" />
        </SignInLink>
      }
      submitLabel={intl.formatMessage({ id: 'auth.register.submit', defaultMessage: 'Create account' })}
      create={register}
    />
  )
}
