package org.xinyong.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.HttpSession;

import org.xinyong.account.SubjectIdentityProvider.SignInContext;

/** Fresh state, nonce and PKCE values for a redirect sign-in, kept in the session until the callback uses them. */
final class SignInContexts {

	private static final String ATTRIBUTE = SignInContexts.class.getName();
	private static final SecureRandom RANDOM = new SecureRandom();

	private SignInContexts() {
	}

	static SignInContext start(HttpSession session, String redirectUri) {
		SignInContext context = new SignInContext(random(), random(), random(), redirectUri);
		session.setAttribute(ATTRIBUTE, context);
		return context;
	}

	/** The pending sign-in whose state matches, removed from the session (a state is good for one callback). */
	static SignInContext take(HttpSession session, String state) {
		Object pending = session == null ? null : session.getAttribute(ATTRIBUTE);
		if (session != null) {
			session.removeAttribute(ATTRIBUTE);
		}
		if (!(pending instanceof SignInContext context) || state == null || !MessageDigest
			.isEqual(context.state().getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
			return null;
		}
		return context;
	}

	/** The PKCE S256 code challenge of a verifier (RFC 7636). */
	static String challenge(String verifier) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
