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

/** People's names for the kinds of object an audit entry is about; unknown kinds show as their code. */
const OBJECT_TYPES: Record<string, MessageDescriptor> = defineMessages({
  user: { id: 'admin.audit.object.user', defaultMessage: 'account' },
  file: { id: 'admin.audit.object.file', defaultMessage: 'file' },
  folder: { id: 'admin.audit.object.folder', defaultMessage: 'folder' },
  upload: { id: 'admin.audit.object.upload', defaultMessage: 'upload' },
  upload_request: { id: 'admin.audit.object.uploadRequest', defaultMessage: 'upload request' },
  share_link: { id: 'admin.audit.object.shareLink', defaultMessage: 'share link' },
  transfer: { id: 'admin.audit.object.transfer', defaultMessage: 'transfer' },
  group: { id: 'admin.audit.object.group', defaultMessage: 'group' },
  session: { id: 'admin.audit.object.session', defaultMessage: 'session' },
  device_authorization: { id: 'admin.audit.object.deviceAuthorization', defaultMessage: 'device sign-in' },
  webhook: { id: 'admin.audit.object.webhook', defaultMessage: 'webhook' },
  oauth_app: { id: 'admin.audit.object.oauthApp', defaultMessage: 'OAuth app' },
  oauth_grant: { id: 'admin.audit.object.oauthGrant', defaultMessage: 'OAuth authorization' },
  gdpr_export: { id: 'admin.audit.object.gdprExport', defaultMessage: 'data export' },
  api_key: { id: 'admin.audit.object.apiKey', defaultMessage: 'API key' },
  ssh_key: { id: 'admin.audit.object.sshKey', defaultMessage: 'SSH key' },
  passkey: { id: 'admin.audit.object.passkey', defaultMessage: 'passkey' },
  download_ticket: { id: 'admin.audit.object.downloadTicket', defaultMessage: 'download ticket' },
  address: { id: 'admin.audit.object.address', defaultMessage: 'network address' },
  address_rule: { id: 'admin.audit.object.addressRule', defaultMessage: 'address rule' },
  kek: { id: 'admin.audit.object.kek', defaultMessage: 'key encryption key' },
  job: { id: 'admin.audit.object.job', defaultMessage: 'job' },
  invitation: { id: 'admin.audit.object.invitation', defaultMessage: 'invitation' },
  alert: { id: 'admin.audit.object.alert', defaultMessage: 'alert' },
  comment: { id: 'admin.audit.object.comment', defaultMessage: 'comment' },
})

/** The translated name of an audit object's kind, or the kind itself when it has none. */
export function objectTypeName(intl: IntlShape, type: string): string {
  const name = OBJECT_TYPES[type]
  return name ? intl.formatMessage(name) : type
}
