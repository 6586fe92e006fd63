package org.xinyong.account;

/** How a subject proved who it is when signing in. */
public enum VerificationMethod {
	/** The region's e-government unified login (政务服务统一身份认证), via OpenID Connect. */
	OIDC,
	/** The built-in verifier of demo mode: the identifier and a verification code fixed in configuration. */
	DEMO_CODE
}
