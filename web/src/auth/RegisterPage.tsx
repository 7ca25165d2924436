import { register } from '../api/auth'
import { AccountFromLinkPage, SignInLink } from './AccountFromLinkPage'

/** Accepts an invitation: the admin's link is /register#invitation=..., for one email address. */
export function RegisterPage() {
  return (
    <AccountFromLinkPage
      fragmentKey="invitation"
      missing={{
        title: 'Invitation needed',
        subtitle: 'Ferry accounts are created by invitation.',
        body: (
          <>
            Open the link from your invitation email, or ask an administrator to invite you. Already have an account?{' '}
            <SignInLink>Sign in</SignInLink>.
          </>
        ),
      }}
      title="Create your account"
      subtitle="You were invited to Ferry. Use the email address the invitation was sent to."
      footer={<SignInLink>I already have an account</SignInLink>}
      submitLabel="Create account"
      create={register}
    />
  )
}
