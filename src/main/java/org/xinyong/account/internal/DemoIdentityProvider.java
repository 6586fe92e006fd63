package org.xinyong.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.xinyong.account.SubjectIdentityProvider;
import org.xinyong.account.VerificationMethod;
import org.xinyong.account.VerifiedIdentity;
import org.xinyong.platform.DemoMode;
import org.xinyong.platform.DomainException;

/**
 * Demo mode's built-in verifier: the subject types its identifier and the verification code fixed in
 * {@code xinyong.account.demo.code}. Never enabled outside demo mode.
 */
class DemoIdentityProvider implements SubjectIdentityProvider {

	static final String IDENTIFIER = "identifier";
	static final String VERIFICATION_CODE = "verificationCode";

	private final DemoMode demoMode;
	private final byte[] code;

	DemoIdentityProvider(DemoMode demoMode, String code) {
		this.demoMode = demoMode;
		this.code = code.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public VerificationMethod method() {
		return VerificationMethod.DEMO_CODE;
	}

	@Override
	public boolean enabled() {
		return demoMode.enabled();
	}

	@Override
	public VerifiedIdentity verify(Map<String, String> parameters, SignInContext context) {
		if (!enabled()) {
			throw DomainException.notFound(SubjectSignIn.PROVIDER_UNAVAILABLE);
		}
		String identifier = SubjectSignIn.checkedIdentifier(parameters.getOrDefault(IDENTIFIER, ""));
		String typed = parameters.getOrDefault(VERIFICATION_CODE, "").strip();
		if (!MessageDigest.isEqual(code, typed.getBytes(StandardCharsets.UTF_8))) {
			throw new DomainException("ACCOUNT_VERIFICATION_CODE_WRONG", HttpStatus.UNAUTHORIZED);
		}
		return new VerifiedIdentity(identifier, null, method());
	}
}
