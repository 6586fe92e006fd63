package org.xinyong.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** RS256-signed JWTs and RSA keys for the sign-in tests. */
public final class TestJwts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TestJwts() {
	}

	/** A compact JWT with the given header and claims, signed SHA256withRSA with the key (whatever the header says). */
	public static String sign(Map<String, Object> header, Map<String, Object> claims, KeyPair key) {
		String input = base64Url(JSON.writeValueAsBytes(header)) + "." + base64Url(JSON.writeValueAsBytes(claims));
		try {
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initSign(key.getPrivate());
			rsa.update(input.getBytes(StandardCharsets.US_ASCII));
			return input + "." + base64Url(rsa.sign());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
