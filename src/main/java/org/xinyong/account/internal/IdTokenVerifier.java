package org.xinyong.account.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.xinyong.platform.DomainException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an OpenID Connect ID token (OIDC Core 3.1.3.7): RS256 signature by a key of the provider's JWKS, issuer,
 * audience, expiry and nonce. Keys are cached and read again once when a token names an unknown key.
 */
class IdTokenVerifier {

	static final String TOKEN_INVALID = "ACCOUNT_ID_TOKEN_INVALID";
	private static final Duration SKEW = Duration.ofSeconds(60);
	/** Tokens naming unknown keys make the keys be read again at most this often. */
	private static final Duration RELOAD_PAUSE = Duration.ofSeconds(30);

	private final JsonMapper json;
	private final Clock clock;
	private final Supplier<JsonNode> jwks;
	private volatile Map<String, PublicKey> keys;
	private volatile Instant loadedAt = Instant.EPOCH;

	IdTokenVerifier(JsonMapper json, Clock clock, Supplier<JsonNode> jwks) {
		this.json = json;
		this.clock = clock;
		this.jwks = jwks;
	}

	/** The token's claims, if it passes every check; otherwise {@value #TOKEN_INVALID} with the failed check. */
	JsonNode verify(String token, String issuer, String clientId, String nonce) {
		String[] parts = token == null ? new String[0] : token.split("\\.", -1);
		if (parts.length != 3) {
			throw invalid("format");
		}
		JsonNode header = decode(parts[0]);
		JsonNode claims = decode(parts[1]);
		if (!"RS256".equals(header.path("alg").asString(""))) {
			throw invalid("algorithm");
		}
		PublicKey key = key(header.path("kid").asString("")).orElseThrow(() -> invalid("key"));
		if (!signatureValid(key, parts)) {
			throw invalid("signature");
		}
		if (!issuer.equals(claims.path("iss").asString(""))) {
			throw invalid("issuer");
		}
		if (!audienceValid(claims, clientId)) {
			throw invalid("audience");
		}
		Instant now = clock.instant();
		if (!claims.path("exp").isNumber() || Instant.ofEpochSecond(claims.path("exp").asLong()).isBefore(now.minus(SKEW))) {
			throw invalid("expired");
		}
		if (claims.path("iat").isNumber() && Instant.ofEpochSecond(claims.path("iat").asLong()).isAfter(now.plus(SKEW))) {
			throw invalid("issued-in-future");
		}
		if (!nonce.equals(claims.path("nonce").asString(""))) {
			throw invalid("nonce");
		}
		return claims;
	}

	private static boolean audienceValid(JsonNode claims, String clientId) {
		JsonNode aud = claims.path("aud");
		boolean listed = aud.isArray() ? aud.valueStream().anyMatch(a -> clientId.equals(a.asString(""))) 
				: clientId.equals(aud.asString(""));
		boolean many = aud.isArray() && aud.size() > 1;
		return listed && (!many || clientId.equals(claims.path("azp").asString("")));
	}

	private static boolean signatureValid(PublicKey key, String[] parts) {
		try {
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initVerify(key);
			rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	private Optional<PublicKey> key(String kid) {
		Map<String, PublicKey> known = keys;
		if (known == null || !has(known, kid) && clock.instant().isAfter(loadedAt.plus(RELOAD_PAUSE))) {
			known = load();
			keys = known;
			loadedAt = clock.instant();
		}
		return Optional.ofNullable(kid.isEmpty() && known.size() == 1 ? known.values().iterator().next() : known.get(kid));
	}

	private static boolean has(Map<String, PublicKey> known, String kid) {
		return kid.isEmpty() ? known.size() == 1 : known.containsKey(kid);
	}

	private Map<String, PublicKey> load() {
		Map<String, PublicKey> loaded = new HashMap<>();
		for (JsonNode k : jwks.get().path("keys")) {
			if ("RSA".equals(k.path("kty").asString("")) && !"enc".equals(k.path("use").asString(""))) {
				try {
					BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(k.path("n").asString("")));
					BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(k.path("e").asString("")));
					loaded.put(k.path("kid").asString(""),
							KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
				}
				catch (GeneralSecurityException | IllegalArgumentException e) {
					// a key this platform cannot use: skip it
				}
			}
		}
		return Map.copyOf(loaded);
	}

	private JsonNode decode(String part) {
		try {
			return json.readTree(Base64.getUrlDecoder().decode(part));
		}
		catch (RuntimeException e) {
			throw invalid("format");
		}
	}

	private static DomainException invalid(String check) {
		return new DomainException(TOKEN_INVALID, HttpStatus.UNAUTHORIZED, check);
	}
}
