package dev.ferry.auth.ldap;

import java.util.Set;

/** A user's directory entry after a successful bind: its DN, mail, name and groups. */
record DirectoryEntry(String dn, String email, String name, Set<String> groups) {
}
