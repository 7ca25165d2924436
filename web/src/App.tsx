import { FormattedMessage, useIntl } from 'react-intl'
import { Navigate, Route, Routes, useLocation } from 'react-router'
import { AccountPage } from './account/AccountPage'
import { AuditPage } from './admin/AuditPage'
import { CompliancePage } from './admin/CompliancePage'
import { DashboardPage } from './admin/dashboard/DashboardPage'
import { GroupsPage } from './admin/GroupsPage'
import { ProtectionPage } from './admin/ProtectionPage'
import { SignInProvidersPage } from './admin/SignInProvidersPage'
import { UploadPolicyPage } from './admin/UploadPolicyPage'
import { UsersPage } from './admin/UsersPage'
import { useAuth } from './auth/AuthProvider'
import { DevicePage } from './auth/DevicePage'
import { ForgotPasswordPage } from './auth/ForgotPasswordPage'
import { RegisterPage } from './auth/RegisterPage'
import { ResetPasswordPage } from './auth/ResetPasswordPage'
import { SetupPage } from './auth/SetupPage'
import { SignInPage } from './auth/SignInPage'
import { FilesPage } from './files/FilesPage'
import { TrashPage } from './files/TrashPage'
import { SharedWithMePage } from './grants/SharedWithMePage'
import { AppShell } from './layout/AppShell'
import { NotFoundPage } from './layout/NotFoundPage'
import { ConsentPage } from './oauth/ConsentPage'
import { PublicUploadPage } from './requests/PublicUploadPage'
import { UploadRequestsPage } from './requests/UploadRequestsPage'
import { RestrictedStep } from './security/RestrictedStep'
import { SecurityPolicyPage } from './security/SecurityPolicyPage'
import { SignedOutNotice } from './security/SignedOutNotice'
import { SharePage } from './share/SharePage'
import { NewTransferPage } from './transfers/NewTransferPage'
import { TransfersPage } from './transfers/TransfersPage'
import { Button } from './ui/Button'
import { EmptyState } from './ui/EmptyState'
import { PageSpinner } from './ui/Spinner'

export function RequireAuth({ admin = false, children }: { admin?: boolean; children: React.ReactNode }) {
  const { status, me, restriction } = useAuth()
  const location = useLocation()
  const intl = useIntl()
  if (status === 'restoring')
    return (
      <PageSpinner
        label={intl.formatMessage({ id: 'app.restoringSession', defaultMessage: 'Restoring your session' })}
      />
    )
  if (status === 'signed-out')
    return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />
  // In place of the page asked for, which appears by itself once the step is done.
  if (restriction) return <RestrictedStep restriction={restriction} />
  if (admin && me?.role !== 'admin') {
    return (
      <EmptyState
        icon="shield"
        title={intl.formatMessage({ id: 'app.adminOnly.title', defaultMessage: 'Administrators only' })}
        action={
          <Button onClick={() => history.back()}>
            <FormattedMessage id="app.adminOnly.goBack" defaultMessage="Go back" />
          </Button>
        }
      >
        <FormattedMessage
          id="app.adminOnly.body"
          defaultMessage="This page is for administrators of this Ferry server."
        />
      </EmptyState>
    )
  }
  return <>{children}</>
}

export function App() {
  const { status } = useAuth()
  return (
    <Routes>
      <Route
        path="/signin"
        element={
          status === 'restoring' ? (
            <PageSpinner />
          ) : (
            <>
              <SignedOutNotice />
              <SignInPage />
            </>
          )
        }
      />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/register" element={<RegisterPage />} />
      <Route path="/s/:token" element={<SharePage />} />
      <Route path="/u/:token" element={<PublicUploadPage />} />
      <Route
        path="/oauth/consent"
        element={
          <RequireAuth>
            <ConsentPage />
          </RequireAuth>
        }
      />
      <Route
        path="/device"
        element={
          <RequireAuth>
            <DevicePage />
          </RequireAuth>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/files" replace />} />
        <Route path="files" element={<FilesPage />} />
        <Route path="trash" element={<TrashPage />} />
        <Route path="shared" element={<SharedWithMePage />} />
        <Route path="transfers" element={<TransfersPage />} />
        <Route path="transfers/new" element={<NewTransferPage />} />
        <Route path="requests" element={<UploadRequestsPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="admin" element={<Navigate to="/admin/dashboard" replace />} />
        <Route
          path="admin/dashboard"
          element={
            <RequireAuth admin>
              <DashboardPage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/users"
          element={
            <RequireAuth admin>
              <UsersPage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/groups"
          element={
            <RequireAuth admin>
              <GroupsPage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/audit"
          element={
            <RequireAuth admin>
              <AuditPage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/protection"
          element={
            <RequireAuth admin>
              <ProtectionPage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/compliance"
          element={
            <RequireAuth admin>
              <CompliancePage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/upload-policy"
          element={
            <RequireAuth admin>
              <UploadPolicyPage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/security"
          element={
            <RequireAuth admin>
              <SecurityPolicyPage />
            </RequireAuth>
          }
        />
        <Route
          path="admin/sign-in-providers"
          element={
            <RequireAuth admin>
              <SignInProvidersPage />
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
