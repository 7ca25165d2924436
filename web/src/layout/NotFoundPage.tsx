import { Link } from 'react-router'
import { EmptyState } from '../ui/EmptyState'

export function NotFoundPage() {
  return (
    <EmptyState
      icon="search"
      title="Nothing here"
      action={
        <Link to="/files" className="link">
          Go to your files
        </Link>
      }
    >
      The page you asked for does not exist, or the link is no longer valid.
    </EmptyState>
  )
}
