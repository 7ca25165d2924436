package dev.ferry.auth.session;

import java.util.Optional;

import dev.ferry.auth.AccountNetworkRules;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.User;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What every new or refreshed session passes: the account's network rules must allow the
 * client's address (refused with 403 {@code ip-not-allowed} or
 * {@code country-not-allowed}, audited), and a sign-in is then recorded with the known
 * devices. A new session and a refresh also ask the directory that provisioned the
 * account, if one did, whether it still admits it.
 */
@Component
class SignInGate {

	private final AccountNetworkRules rules;

	private final Devices devices;

	private final ObjectProvider<DirectoryPasswords> directory;

	SignInGate(AccountNetworkRules rules, Devices devices, ObjectProvider<DirectoryPasswords> directory) {
		this.rules = rules;
		this.devices = devices;
		this.directory = directory;
	}

	void admit(User user, ClientInfo client, String action) {
		rules.refusal(user.id(), client.ip(), action).ifPresent((refusal) -> {
			throw refusal.problem();
		});
	}

	/**
	 * Why the account's directory withdrew it ({@code not_in_directory}...), if it did.
	 */
	Optional<String> directoryWithdrawal(User user) {
		return Optional.ofNullable(directory.getIfAvailable()).flatMap((dir) -> dir.withdrawal(user.id()));
	}

	void signedIn(User user, ClientInfo client) {
		devices.signedIn(user, client);
	}

}
