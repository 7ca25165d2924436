package dev.ferry.auth.session;

import dev.ferry.auth.AccountNetworkRules;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.User;

import org.springframework.stereotype.Component;

/**
 * What every new or refreshed session passes: the account's network rules must allow the
 * client's address (refused with 403 {@code ip-not-allowed} or
 * {@code country-not-allowed}, audited), and a sign-in is then recorded with the known
 * devices.
 */
@Component
class SignInGate {

	private final AccountNetworkRules rules;

	private final Devices devices;

	SignInGate(AccountNetworkRules rules, Devices devices) {
		this.rules = rules;
		this.devices = devices;
	}

	void admit(User user, ClientInfo client, String action) {
		rules.refusal(user.id(), client.ip(), action).ifPresent((refusal) -> {
			throw refusal.problem();
		});
	}

	void signedIn(User user, ClientInfo client) {
		devices.signedIn(user, client);
	}

}
