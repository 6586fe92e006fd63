package org.xinyong.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.xinyong.account.TestJwts;
import org.xinyong.platform.DomainException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ID-token checks one by one, on tokens made here. */
class IdTokenVerifierTest {

	static final JsonMapper JSON = JsonMapper.builder().build();
	static final String ISSUER = "https://login.gov.example/oidc";
	static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
	static final KeyPair KEY = rsa();

	final AtomicInteger jwksReads = new AtomicInteger();
	final MutableClock clock = new MutableClock();
	final IdTokenVerifier verifier = new IdTokenVerifier(JSON, clock, () -> {
		jwksReads.incrementAndGet();
		return jwks();
	});

	static Map<String, Object> claims() {
		Map<String, Object> c = new HashMap<>();
		c.put("iss", ISSUER);
		c.put("aud", "client-1");
		c.put("exp", NOW.plusSeconds(300).getEpochSecond());
		c.put("iat", NOW.getEpochSecond());
		c.put("nonce", "n-1");
		c.put("subject_code", "91640100MA7AC0U13A");
		return c;
	}

	@Test
	void aGoodTokenGivesItsClaims() {
		JsonNode claims = verifier.verify(token("RS256", "k1", claims(), KEY), ISSUER, "client-1", "n-1");
		assertThat(claims.path("subject_code").asString()).isEqualTo("91640100MA7AC0U13A");
	}

	@Test
	void everyCheckRefusesWhatItShould() {
		assertFails(token("none", "k1", claims(), KEY), "algorithm");
		assertFails(token("HS256", "k1", claims(), KEY), "algorithm");
		assertFails(token("RS256", "k1", claims(), rsa()), "signature");
		assertFails(token("RS256", "k9", claims(), KEY), "key");
		assertFails("abc.def", "format");
		assertFails("%%%.%%%.%%%", "format");
		assertFails(with("iss", ISSUER + "/"), "issuer");
		assertFails(with("aud", "client-2"), "audience");
		assertFails(with("aud", List.of("client-1", "client-2")), "audience");
		assertFails(with("exp", NOW.minusSeconds(61).getEpochSecond()), "expired");
		assertFails(with("iat", NOW.plusSeconds(120).getEpochSecond()), "issued-in-future");
		assertFails(with("nonce", "n-2"), "nonce");
		Map<String, Object> many = claims();
		many.put("aud", List.of("client-2", "client-1"));
		many.put("azp", "client-1");
		assertThat(verifier.verify(token("RS256", "k1", many, KEY), ISSUER, "client-1", "n-1")).isNotNull();
		// within the clock skew
		assertThat(verifier.verify(with("exp", NOW.minusSeconds(30).getEpochSecond()), ISSUER, "client-1", "n-1"))
			.isNotNull();
	}

	@Test
	void unknownKeysMakeTheKeysBeReadAgainButNotOnEveryToken() {
		verifier.verify(token("RS256", "k1", claims(), KEY), ISSUER, "client-1", "n-1");
		assertThat(jwksReads).hasValue(1);
		for (int i = 0; i < 5; i++) {
			assertFails(token("RS256", "rotated", claims(), KEY), "key");
		}
		assertThat(jwksReads).hasValue(1);
		clock.now = NOW.plus(Duration.ofSeconds(31));
		assertFails(token("RS256", "rotated", claims(), KEY), "key");
		assertThat(jwksReads).hasValue(2);
	}

	void assertFails(String token, String check) {
		assertThatThrownBy(() -> verifier.verify(token, ISSUER, "client-1", "n-1"))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.code()).isEqualTo(IdTokenVerifier.TOKEN_INVALID);
				assertThat(e.args()).containsExactly(check);
			});
	}

	String with(String claim, Object value) {
		Map<String, Object> c = claims();
		c.put(claim, value);
		return token("RS256", "k1", c, KEY);
	}

	static String token(String alg, String kid, Map<String, Object> claims, KeyPair key) {
		return TestJwts.sign(Map.of("alg", alg, "kid", kid), claims, key);
	}

	static JsonNode jwks() {
		RSAPublicKey pub = (RSAPublicKey) KEY.getPublic();
		return JSON.valueToTree(Map.of("keys", List.of(Map.of("kty", "RSA", "kid", "k1", "n",
				b64(pub.getModulus().toByteArray()), "e", b64(pub.getPublicExponent().toByteArray())), Map.of("kty", "EC",
				"kid", "ec-1"))));
	}

	static String b64(byte[] bytes) {
		return TestJwts.base64Url(bytes);
	}

	static KeyPair rsa() {
		return TestJwts.rsa();
	}

	static final class MutableClock extends Clock {

		Instant now = NOW;

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
