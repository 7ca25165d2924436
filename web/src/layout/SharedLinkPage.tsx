import { Link } from 'react-router'
import { AuthLayout } from '../auth/AuthLayout'

/** Share links (/s/{token}) are public: recipients must never be sent to a sign-in page. */
export function SharedLinkPage() {
  return (
    <AuthLayout title="This link can't be opened here yet" subtitle="Shared downloads arrive in a coming version of this server.">
      <p className="text-[15px] muted">
        Ask the sender for another way to get the files. Have an account?{' '}
        <Link to="/signin" className="link">
          Sign in
        </Link>
        .
      </p>
    </AuthLayout>
  )
}
