package dev.ferry.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ferry.limits.ClientAddress;
import dev.ferry.limits.Counter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Which rate limits a request counts against: every API call against the caller's account
 * ({@code api}) or, without one, its address ({@code public}); uploads and downloads
 * against their own limits on top. A share link's token is counted by its hash, so no
 * token is kept in memory or Redis.
 */
@Component
class RatePolicies {

	private static final Pattern DOWNLOAD = Pattern.compile("/api/v1/(?:files/[^/]+/(?:versions/[^/]+/)?download"
			+ "|files/zips/[^/]+/download|shared-with-me/files/[^/]+/download"
			+ "|share/([^/]+)/(?:download|files/[^/]+/download))");

	private static final Pattern UPLOAD = Pattern
		.compile("/api/v1/(?:uploads(?:/[^/]*)?|files|files/content|files/upload(?:/[^/]+)?)");

	private static final Set<String> UPLOAD_METHODS = Set.of("POST", "PATCH", "PUT");

	private final Optional<RatePolicy> api;

	private final Optional<RatePolicy> anonymous;

	private final Optional<RatePolicy> uploads;

	private final Optional<RatePolicy> uploadBytes;

	private final Optional<RatePolicy> perLink;

	private final Optional<RatePolicy> perAddress;

	private final Optional<RatePolicy> perAccount;

	RatePolicies(RateLimitProperties properties) {
		this.api = policy("api", properties.api(), properties);
		this.anonymous = policy("public", properties.publicCalls(), properties);
		this.uploads = policy("uploads", properties.uploads(), properties);
		this.uploadBytes = policy("upload-bytes", properties.uploadBytes().toBytes(), properties);
		this.perLink = policy("downloads-link", properties.downloadsPerLink(), properties);
		this.perAddress = policy("downloads-address", properties.downloadsPerAddress(), properties);
		this.perAccount = policy("downloads-account", properties.downloadsPerAccount(), properties);
	}

	/** The request counters (one unit each) of a request by {@code account} (or none). */
	List<Applied> requestCounters(HttpServletRequest request, UUID account) {
		String address = ClientAddress.key(request.getRemoteAddr());
		String subject = (account != null) ? "user:" + account : address;
		List<Applied> applied = new ArrayList<>();
		(account != null ? api : anonymous).ifPresent((policy) -> applied.add(new Applied(policy, subject)));
		if (isUpload(request)) {
			uploads.ifPresent((policy) -> applied.add(new Applied(policy, subject)));
		}
		Matcher download = DOWNLOAD.matcher(RequestPaths.of(request));
		if (download.matches() && isRead(request)) {
			perAddress.ifPresent((policy) -> applied.add(new Applied(policy, address)));
			if (account != null) {
				perAccount.ifPresent((policy) -> applied.add(new Applied(policy, subject)));
			}
			if (download.group(1) != null) {
				perLink.ifPresent((policy) -> applied.add(new Applied(policy, "link:" + sha256(download.group(1)))));
			}
		}
		return applied;
	}

	/** The byte allowance an upload body streams against, if any. */
	Optional<Applied> byteCounter(HttpServletRequest request, UUID account) {
		if (!isUpload(request)) {
			return Optional.empty();
		}
		String subject = (account != null) ? "user:" + account : ClientAddress.key(request.getRemoteAddr());
		return uploadBytes.map((policy) -> new Applied(policy, subject));
	}

	private static boolean isUpload(HttpServletRequest request) {
		return UPLOAD_METHODS.contains(request.getMethod()) && UPLOAD.matcher(RequestPaths.of(request)).matches();
	}

	private static boolean isRead(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
	}

	private static Optional<RatePolicy> policy(String name, long quota, RateLimitProperties properties) {
		return (quota > 0) ? Optional.of(new RatePolicy(name, quota, properties.window())) : Optional.empty();
	}

	private static String sha256(String token) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A policy counted for one key. */
	record Applied(RatePolicy policy, String key) {

		Counter counter() {
			return policy.on(key);
		}

	}

}
