import { FormattedMessage, useIntl } from 'react-intl'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { answerConsent, consentParams, describeConsent, SCOPE_WORDS } from '../api/oauth'
import { useAuth } from '../auth/AuthProvider'
import { AuthLayout } from '../auth/AuthLayout'
import { Button } from '../ui/Button'
import { ErrorNotice } from '../ui/ErrorNotice'
import { Icon } from '../ui/Icon'
import { PageSpinner } from '../ui/Spinner'

function hostOf(uri: string): string {
  try {
    return new URL(uri).host
  } catch {
    return uri
  }
}

/**
 * The consent screen /oauth2/authorize sends the browser to. The user is signed in
 * (RequireAuth brings them back here after sign-in); approving or denying sends the
 * browser on to the app with a code or an error.
 */
export function ConsentPage() {
  const intl = useIntl()
  const [search] = useSearchParams()
  const { me } = useAuth()
  const params = useMemo(() => consentParams(search), [search])
  const question = useQuery({ queryKey: ['oauth-consent', params], queryFn: () => describeConsent(params) })
  const answer = useMutation({
    mutationFn: (approve: boolean) => answerConsent(params, approve),
    onSuccess: (redirectTo) => window.location.assign(redirectTo),
  })

  if (question.isPending)
    return (
      <PageSpinner label={intl.formatMessage({ id: 'oauth.consent.loading', defaultMessage: 'Loading the request' })} />
    )
  if (question.isError)
    return (
      <AuthLayout
        title={intl.formatMessage({ id: 'oauth.consent.invalid', defaultMessage: "This app's request is not valid" })}
      >
        <ErrorNotice error={question.error} />
      </AuthLayout>
    )
  const app = question.data
  return (
    <AuthLayout
      title={intl.formatMessage(
        { id: 'oauth.consent.title', defaultMessage: 'Allow {app} to use your Ferry account?' },
        { app: app.app_name },
      )}
      subtitle={
        <FormattedMessage
          id="oauth.consent.subtitle"
          defaultMessage="Signed in as <b>{email}</b>. After you answer you go back to <b>{host}</b>."
          values={{
            email: me?.email,
            host: hostOf(app.redirect_uri),
            b: (chunks) => (
              <bdi className="font-medium" dir="ltr">
                {chunks}
              </bdi>
            ),
          }}
        />
      }
    >
      <p className="text-sm font-medium">
        <FormattedMessage
          id="oauth.consent.willBeAbleTo"
          defaultMessage="{app} will be able to:"
          values={{ app: <bdi>{app.app_name}</bdi> }}
        />
      </p>
      <ul
        className="mt-3 space-y-2"
        aria-label={intl.formatMessage({ id: 'oauth.consent.permissions', defaultMessage: 'Requested permissions' })}
      >
        {app.scopes.map((scope) => {
          const words = SCOPE_WORDS[scope]
          return (
            <li key={scope} className="flex items-start gap-2 text-[15px]">
              <Icon name="check" className="mt-0.5 shrink-0 text-accent-600" />
              <span>{words ? intl.formatMessage(words) : scope}</span>
            </li>
          )
        })}
      </ul>
      {app.requested_scopes.length > app.scopes.length && (
        <p className="mt-3 text-sm muted">
          <FormattedMessage
            id="oauth.consent.moreThanAllowed"
            defaultMessage="It also asked for more than your account may do; that part will not be granted."
          />
        </p>
      )}
      <p className="mt-4 text-sm muted">
        <FormattedMessage
          id="oauth.consent.revoke"
          defaultMessage="You can revoke its access at any time on your Account page, under Authorized apps."
        />
      </p>
      {answer.isError && (
        <div className="mt-4">
          <ErrorNotice error={answer.error} />
        </div>
      )}
      <div className="mt-6 flex justify-end gap-3">
        <Button disabled={answer.isPending} onClick={() => answer.mutate(false)}>
          <FormattedMessage id="oauth.consent.deny" defaultMessage="Deny" />
        </Button>
        <Button variant="primary" disabled={answer.isPending} onClick={() => answer.mutate(true)}>
          <FormattedMessage id="oauth.consent.allow" defaultMessage="Allow" />
        </Button>
      </div>
    </AuthLayout>
  )
}
