package dev.ferry.auth.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.crypto.SecureTokens;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering third-party apps. Only an interactive sign-in may register or delete one
 * (never an API key or another app's token). A confidential app's secret is shown once
 * and kept as its SHA-256; the app's id is its OAuth2 {@code client_id}.
 */
@Service
class OAuthAppService {

	static final String SECRET_PREFIX = "fycs_";

	private final OAuthAppRepository apps;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	OAuthAppService(OAuthAppRepository apps, AccessPolicy access, AuditLog audit, Clock clock) {
		this.apps = apps;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = AuthException.class)
	RegisteredApp register(CurrentUser caller, String name, List<String> redirectUris, boolean confidential) {
		access.requireInteractive(caller, "oauth.app_register", "manage OAuth apps");
		OAuthAppRepository.App app = new OAuthAppRepository.App(UUID.randomUUID(), caller.userId(), name.trim(),
				confidential, RedirectUris.check(redirectUris), clock.instant());
		String secret = confidential ? SecureTokens.generate(SECRET_PREFIX) : null;
		apps.insert(app, (secret != null) ? SecureTokens.hash(secret) : null);
		audit.record(AuditEvent.success("oauth.app_register")
			.object("oauth_app", app.id())
			.detail("client_type", app.clientType()));
		return RegisteredApp.of(AppView.of(app), secret);
	}

	@Transactional(noRollbackFor = AuthException.class)
	List<AppView> listOwn(CurrentUser caller) {
		access.requireOwnRead(caller, "oauth.app_list");
		audit.record(AuditEvent.success("oauth.app_list"));
		return apps.listForOwner(caller.userId()).stream().map(AppView::of).toList();
	}

	@Transactional(noRollbackFor = AuthException.class)
	List<AppView> listAll(CurrentUser caller) {
		access.requireAdmin(caller, "oauth.app_list_all");
		return apps.listAll().stream().map(AppView::of).toList();
	}

	/**
	 * Deletes an app: every grant and token of it stops at once. Its owner or an
	 * administrator may; to anyone else it does not exist.
	 */
	@Transactional(noRollbackFor = AuthException.class)
	void delete(CurrentUser caller, UUID id) {
		access.requireInteractive(caller, "oauth.app_delete", "manage OAuth apps");
		Optional<OAuthAppRepository.App> app = apps.find(id)
			.filter((found) -> found.ownerId().equals(caller.userId()) || caller.isAdmin());
		if (app.isEmpty() || !apps.revoke(id, clock.instant())) {
			audit.record(AuditEvent.failure("oauth.app_delete").object("oauth_app", id).detail("reason", "not_found"));
			throw AuthException.notFound("app");
		}
		audit.record(AuditEvent.success("oauth.app_delete").object("oauth_app", id));
	}

	/** An app as listed; {@code client_id} is what the app sends in the protocol. */
	record AppView(String id, String clientId, String name, String clientType, List<String> redirectUris,
			String ownerId, Instant createdAt) {

		static AppView of(OAuthAppRepository.App app) {
			return new AppView(app.id().toString(), app.id().toString(), app.name(), app.clientType(),
					app.redirectUris(), app.ownerId().toString(), app.createdAt());
		}

	}

	/** The registration's answer: the only time a confidential app's secret is shown. */
	record RegisteredApp(String id, String clientId, String name, String clientType, List<String> redirectUris,
			String ownerId, Instant createdAt, @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret) {

		static RegisteredApp of(AppView app, String secret) {
			return new RegisteredApp(app.id(), app.clientId(), app.name(), app.clientType(), app.redirectUris(),
					app.ownerId(), app.createdAt(), secret);
		}

	}

}
