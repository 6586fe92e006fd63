package org.xinyong.account.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of subject sign-in, see docs/accounts.md.
 *
 * @param demo the built-in verifier of demo mode
 * @param oidc the e-government unified login; enabled when {@code issuer-uri} is set
 */
@ConfigurationProperties("xinyong.account")
record AccountProperties(Demo demo, Oidc oidc) {

	static final String DEFAULT_DEMO_CODE = "246810";

	AccountProperties {
		demo = demo == null ? new Demo(null) : demo;
		oidc = oidc == null ? new Oidc(null, null, null, null, null, null, null, null, null, null) : oidc;
	}

	/** @param code the verification code every subject types in demo mode */
	record Demo(String code) {

		Demo {
			code = code == null || code.isBlank() ? DEFAULT_DEMO_CODE : code.strip();
		}
	}

	/**
	 * @param issuerUri         the provider's issuer; its discovery document is read from
	 *                          {@code <issuer>/.well-known/openid-configuration}
	 * @param codeClaim         the ID-token claim carrying the unified social credit code or identity number
	 * @param typeClaim         the claim saying whether the signed-in party is an organisation or a person
	 *                          (optional in the token)
	 * @param organisationTypes values of the type claim meaning an organisation
	 * @param personTypes       values of the type claim meaning a natural person
	 * @param redirectUri       the callback address registered with the provider; by default this site's
	 *                          {@code /account/login/oidc/callback}
	 */
	record Oidc(String issuerUri, String clientId, String clientSecret, String codeClaim, String typeClaim,
			String scope, String redirectUri, List<String> organisationTypes, List<String> personTypes,
			Duration timeout) {

		Oidc {
			issuerUri = blankToNull(issuerUri);
			codeClaim = codeClaim == null || codeClaim.isBlank() ? "subject_code" : codeClaim.strip();
			typeClaim = typeClaim == null || typeClaim.isBlank() ? "subject_type" : typeClaim.strip();
			scope = scope == null || scope.isBlank() ? "openid" : scope.strip();
			redirectUri = blankToNull(redirectUri);
			organisationTypes = organisationTypes == null || organisationTypes.isEmpty()
					? List.of("ORGANISATION", "LEGAL_PERSON", "CORPORATION") : List.copyOf(organisationTypes);
			personTypes = personTypes == null || personTypes.isEmpty() ? List.of("NATURAL_PERSON", "PERSON")
					: List.copyOf(personTypes);
			timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
		}

		boolean configured() {
			return issuerUri != null;
		}

		private static String blankToNull(String s) {
			return s == null || s.isBlank() ? null : s.strip();
		}
	}
}
