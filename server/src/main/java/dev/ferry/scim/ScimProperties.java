package dev.ferry.scim;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SCIM settings: what a {@code DELETE /scim/v2/Users/{id}} does to the Ferry account.
 * {@code suspend} (the default) keeps the account, its files and its audit history but
 * ends its sessions and stops it signing in; {@code delete} deletes it with everything it
 * owns.
 */
@ConfigurationProperties("ferry.scim")
record ScimProperties(@DefaultValue("suspend") Deprovision deprovision) {

	enum Deprovision {

		SUSPEND, DELETE

	}

}
