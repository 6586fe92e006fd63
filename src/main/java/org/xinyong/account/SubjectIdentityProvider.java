package org.xinyong.account;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A way for credit subjects to prove who they are. Production uses the e-government unified login (OpenID
 * Connect); demo mode adds a built-in verifier. A deployment may add its own as a Spring bean.
 * <p>
 * Form providers check what the subject typed ({@link #verify} gets the form fields); redirect providers send the
 * browser elsewhere first ({@link #signInRedirect}) and check what comes back ({@link #verify} gets the callback
 * parameters). Failures are {@link org.xinyong.platform.DomainException}s with translated messages.
 */
public interface SubjectIdentityProvider {

	VerificationMethod method();

	/** Whether this provider may be used now (e.g. configured, or demo mode on). */
	boolean enabled();

	/** Where to send the browser to sign in; empty for form providers. */
	default Optional<URI> signInRedirect(SignInContext context) {
		return Optional.empty();
	}

	/** Checks the form fields or callback parameters and returns who the subject proved to be. */
	VerifiedIdentity verify(Map<String, String> parameters, SignInContext context);

	/**
	 * One sign-in attempt's values kept between redirect and callback (in the session).
	 *
	 * @param state        the anti-forgery value echoed back by the provider
	 * @param nonce        bound into the ID token
	 * @param codeVerifier the PKCE secret
	 * @param redirectUri  where the provider sends the browser back
	 */
	record SignInContext(String state, String nonce, String codeVerifier, String redirectUri)
			implements java.io.Serializable {
	}
}
