import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'react-router'
import { EmptyState } from '../ui/EmptyState'

export function NotFoundPage() {
  const intl = useIntl()
  return (
    <EmptyState
      icon="search"
      title={intl.formatMessage({ id: 'notFound.title', defaultMessage: 'Nothing here' })}
      action={
        <Link to="/files" className="link">
          <FormattedMessage id="notFound.goToFiles" defaultMessage="Go to your files" />
        </Link>
      }
    >
      <FormattedMessage
        id="notFound.body"
        defaultMessage="The page you asked for does not exist, or the link is no longer valid."
      />
    </EmptyState>
  )
}
