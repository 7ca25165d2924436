package dev.ferry.auth;

import java.util.List;

/**
 * The status of a module's configured external sign-in providers (single sign-on,
 * directories), collected for the admin area.
 */
public interface SignInProviderReport {

	List<ProviderHealth.Status> providers();

}
