import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl'

/**
 * People's names for the audit actions seen most; the raw action stays the code the filter and
 * the exports use, shown beside the name. An action without a name here is shown as its code.
 */
const ACTION_NAMES: Record<string, MessageDescriptor> = defineMessages({
  'auth.login': { id: 'admin.audit.action.auth.login', defaultMessage: 'Signed in' },
  'auth.logout': { id: 'admin.audit.action.auth.logout', defaultMessage: 'Signed out' },
  'auth.mfa': { id: 'admin.audit.action.auth.mfa', defaultMessage: 'Second factor checked' },
  'auth.refresh': { id: 'admin.audit.action.auth.refresh', defaultMessage: 'Session renewed' },
  'auth.passkey_login': { id: 'admin.audit.action.auth.passkeyLogin', defaultMessage: 'Signed in with a passkey' },
  'auth.passkey_register': { id: 'admin.audit.action.auth.passkeyRegister', defaultMessage: 'Passkey added' },
  'auth.passkey_delete': { id: 'admin.audit.action.auth.passkeyDelete', defaultMessage: 'Passkey removed' },
  'auth.password_change': { id: 'admin.audit.action.auth.passwordChange', defaultMessage: 'Password changed' },
  'auth.password_reset': { id: 'admin.audit.action.auth.passwordReset', defaultMessage: 'Password reset' },
  'auth.register': { id: 'admin.audit.action.auth.register', defaultMessage: 'Account registered' },
  'auth.sso_login': { id: 'admin.audit.action.auth.ssoLogin', defaultMessage: 'Signed in with single sign-on' },
  'auth.session_revoke': { id: 'admin.audit.action.auth.sessionRevoke', defaultMessage: 'Session ended' },
  'auth.token_rejected': { id: 'admin.audit.action.auth.tokenRejected', defaultMessage: 'Token rejected' },
  'access.denied': { id: 'admin.audit.action.access.denied', defaultMessage: 'Access denied' },
  'file.created': { id: 'admin.audit.action.file.created', defaultMessage: 'File uploaded' },
  'file.download': { id: 'admin.audit.action.file.download', defaultMessage: 'File downloaded' },
  'file.read': { id: 'admin.audit.action.file.read', defaultMessage: 'File opened' },
  'file.deleted': { id: 'admin.audit.action.file.deleted', defaultMessage: 'File deleted' },
  'file.restored': { id: 'admin.audit.action.file.restored', defaultMessage: 'File restored' },
  'file.purged': { id: 'admin.audit.action.file.purged', defaultMessage: 'File purged' },
  'file.moved': { id: 'admin.audit.action.file.moved', defaultMessage: 'File moved' },
  'file.listed': { id: 'admin.audit.action.file.listed', defaultMessage: 'Folder listed' },
  'file.infected': { id: 'admin.audit.action.file.infected', defaultMessage: 'Malware found' },
  'folder.created': { id: 'admin.audit.action.folder.created', defaultMessage: 'Folder created' },
  'transfer.created': { id: 'admin.audit.action.transfer.created', defaultMessage: 'Transfer created' },
  'transfer.revoked': { id: 'admin.audit.action.transfer.revoked', defaultMessage: 'Transfer revoked' },
  'share.created': { id: 'admin.audit.action.share.created', defaultMessage: 'Share link created' },
  'share.view': { id: 'admin.audit.action.share.view', defaultMessage: 'Share page opened' },
  'share.unlock': { id: 'admin.audit.action.share.unlock', defaultMessage: 'Share link unlocked' },
  'share.download': { id: 'admin.audit.action.share.download', defaultMessage: 'Shared file downloaded' },
  'share.download_completed': {
    id: 'admin.audit.action.share.downloadCompleted',
    defaultMessage: 'Shared download completed',
  },
  'share.revoked': { id: 'admin.audit.action.share.revoked', defaultMessage: 'Share link revoked' },
  'upload_request.created': {
    id: 'admin.audit.action.uploadRequest.created',
    defaultMessage: 'Upload request created',
  },
  'upload_request.upload': {
    id: 'admin.audit.action.uploadRequest.upload',
    defaultMessage: 'File received through a request',
  },
  'group.created': { id: 'admin.audit.action.group.created', defaultMessage: 'Group created' },
  'admin.user_update': {
    id: 'admin.audit.action.admin.userUpdate',
    defaultMessage: 'Account changed by an administrator',
  },
  'admin.user_delete': {
    id: 'admin.audit.action.admin.userDelete',
    defaultMessage: 'Account deleted by an administrator',
  },
  'grant.created': { id: 'admin.audit.action.grant.created', defaultMessage: 'Access granted' },
  'grant.deleted': { id: 'admin.audit.action.grant.deleted', defaultMessage: 'Access withdrawn' },
})

/** The translated name of `action`, or undefined when it has none. */
export function actionName(intl: IntlShape, action: string): string | undefined {
  const name = ACTION_NAMES[action]
  return name ? intl.formatMessage(name) : undefined
}
