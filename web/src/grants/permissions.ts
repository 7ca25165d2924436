import { defineMessages, type IntlShape } from 'react-intl'
import { PERMISSIONS, type Permission } from '../api/grants'

const messages = defineMessages({
  viewLabel: { id: 'grants.permission.viewLabel', defaultMessage: 'Can view' },
  viewShort: { id: 'grants.permission.viewShort', defaultMessage: 'View' },
  viewHint: { id: 'grants.permission.viewHint', defaultMessage: 'Sees it listed, cannot download.' },
  downloadLabel: { id: 'grants.permission.downloadLabel', defaultMessage: 'Can download' },
  downloadShort: { id: 'grants.permission.downloadShort', defaultMessage: 'Download' },
  downloadHint: { id: 'grants.permission.downloadHint', defaultMessage: 'Sees and downloads it.' },
  editLabel: { id: 'grants.permission.editLabel', defaultMessage: 'Can edit' },
  editShort: { id: 'grants.permission.editShort', defaultMessage: 'Edit' },
  editHint: { id: 'grants.permission.editHint', defaultMessage: 'Downloads it; reserved for changes.' },
})

type Form = 'Label' | 'Short' | 'Hint'

/** A permission in words: "Can view" (label), "View" (short, for narrow selects) or what it allows (hint). */
export function permissionText(intl: IntlShape, permission: Permission, form: Form): string {
  const descriptor = messages[`${permission}${form}` as keyof typeof messages]
  return descriptor ? intl.formatMessage(descriptor) : permission
}

/** The permissions as select options in the given form. */
export function permissionOptions(intl: IntlShape, form: Form) {
  return PERMISSIONS.map((p) => ({ value: p, label: permissionText(intl, p, form) }))
}
