package dev.ferry.auth.ldap;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The directory ({@code FERRY_LDAP_*}); off unless {@code url} is set. {@code {0}} in the
 * user filter is the login as typed, in the group filter the user's DN, both escaped.
 * Without a group search base the groups are the user entry's {@code memberOf} values
 * (Active Directory). {@code roleMap} is {@code group=role} pairs, separated by commas,
 * {@code groupMap} {@code group=Ferry group} pairs.
 */
@ConfigurationProperties("ferry.ldap")
record LdapProperties(String url, @DefaultValue("Directory") String name, @DefaultValue("false") boolean startTls,
		String trustCertificate, String bindDn, String bindPassword, String userSearchBase,
		@DefaultValue("(mail={0})") String userSearchFilter, @DefaultValue("mail") String emailAttribute,
		@DefaultValue("cn") String nameAttribute, String groupSearchBase,
		@DefaultValue("(|(member={0})(uniqueMember={0}))") String groupSearchFilter,
		@DefaultValue("cn") String groupNameAttribute, String roleMap, @DefaultValue("user") String defaultRole,
		String groupMap, @DefaultValue("true") boolean autoProvision, @DefaultValue("10s") Duration timeout) {

	boolean enabled() {
		return url != null && !url.isBlank();
	}

}
