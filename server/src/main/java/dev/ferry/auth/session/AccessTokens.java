package dev.ferry.auth.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.ferry.FerryProperties;
import dev.ferry.auth.User;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.crypto.ServerSecrets;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies the short-lived JWT access tokens (HS256). The signing key is a
 * server secret sealed under the KEK, shared by all nodes; its {@code kid} is derived
 * from the key so a future rotation can tell keys apart.
 */
@Component
class AccessTokens {

	static final String ISSUER = "ferry";

	private static final String SECRET_NAME = "jwt-hs256-1";

	/**
	 * Every node signs and verifies with synchronised clocks; a little slack is enough.
	 */
	private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	private final JwtEncoder encoder;

	private final JwtDecoder decoder;

	private final String keyId;

	private final FerryProperties properties;

	private final Clock clock;

	AccessTokens(ServerSecrets secrets, FerryProperties properties, Clock clock) {
		byte[] key = secrets.secret(SECRET_NAME);
		SecretKey secretKey = new SecretKeySpec(key, "HmacSHA256");
		this.keyId = SecureTokens.hash(HexFormat.of().formatHex(key) + SECRET_NAME).substring(0, 16);
		OctetSequenceKey jwk = new OctetSequenceKey.Builder(key).keyID(keyId).build();
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(secretKey).macAlgorithm(MacAlgorithm.HS256).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
		timestamps.setClock(clock);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
		this.decoder = decoder;
		this.properties = properties;
		this.clock = clock;
	}

	String issue(User user, UUID sessionId) {
		Instant now = clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(user.id().toString())
			.issuedAt(now)
			.expiresAt(now.plus(properties.tokens().accessTtl()))
			.claim("sid", sessionId.toString())
			.claim("role", user.role().name())
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).keyId(keyId).build();
		return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	JwtDecoder decoder() {
		return decoder;
	}

	long ttlSeconds() {
		return properties.tokens().accessTtl().toSeconds();
	}

}
