package org.xinyong.account.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.xinyong.account.SubjectIdentityProvider;
import org.xinyong.account.VerificationMethod;
import org.xinyong.account.VerifiedIdentity;
import org.xinyong.platform.DomainException;
import org.xinyong.subject.SubjectType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The region's e-government unified login as an OpenID Connect provider: authorization-code flow with PKCE, the
 * client authenticating with {@code client_secret_basic}. Endpoints come from the provider's discovery document;
 * the subject's identifier from the configured ID-token claim.
 */
class OidcIdentityProvider implements SubjectIdentityProvider {

	static final String FAILED = "ACCOUNT_OIDC_FAILED";

	private final AccountProperties.Oidc config;
	private final JsonMapper json;
	private final HttpClient http;
	private final IdTokenVerifier verifier;
	private volatile JsonNode metadata;

	OidcIdentityProvider(AccountProperties.Oidc config, JsonMapper json, Clock clock) {
		this.config = config;
		this.json = json;
		this.http = HttpClient.newBuilder()
			.connectTimeout(config.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.verifier = new IdTokenVerifier(json, clock, () -> get(endpoint("jwks_uri")));
	}

	@Override
	public VerificationMethod method() {
		return VerificationMethod.OIDC;
	}

	@Override
	public boolean enabled() {
		return config.configured();
	}

	@Override
	public Optional<URI> signInRedirect(SignInContext context) {
		requireEnabled();
		Map<String, String> query = new LinkedHashMap<>();
		query.put("response_type", "code");
		query.put("client_id", config.clientId());
		query.put("redirect_uri", context.redirectUri());
		query.put("scope", config.scope());
		query.put("state", context.state());
		query.put("nonce", context.nonce());
		query.put("code_challenge", SignInContexts.challenge(context.codeVerifier()));
		query.put("code_challenge_method", "S256");
		String authorize = endpoint("authorization_endpoint");
		return Optional.of(URI.create(authorize + (authorize.contains("?") ? "&" : "?") + form(query)));
	}

	@Override
	public VerifiedIdentity verify(Map<String, String> parameters, SignInContext context) {
		requireEnabled();
		if (parameters.containsKey("error")) {
			throw new DomainException("ACCOUNT_OIDC_DENIED", HttpStatus.UNAUTHORIZED, truncate(parameters.get("error")));
		}
		String code = parameters.get("code");
		if (code == null || code.isBlank()) {
			throw failed("authorization: no code");
		}
		JsonNode claims = verifier.verify(exchange(code, context), config.issuerUri(), config.clientId(),
				context.nonce());
		String identifier = claims.path(config.codeClaim()).asString("");
		if (identifier.isBlank()) {
			throw DomainException.unprocessable("ACCOUNT_CLAIM_MISSING", config.codeClaim());
		}
		return new VerifiedIdentity(identifier, type(claims.path(config.typeClaim()).asString("")), method());
	}

	private SubjectType type(String claimed) {
		if (claimed.isBlank()) {
			return null;
		}
		String value = claimed.strip().toUpperCase(Locale.ROOT);
		if (config.organisationTypes().stream().anyMatch(t -> t.equalsIgnoreCase(value))) {
			return SubjectType.ORGANISATION;
		}
		if (config.personTypes().stream().anyMatch(t -> t.equalsIgnoreCase(value))) {
			return SubjectType.NATURAL_PERSON;
		}
		throw DomainException.unprocessable("ACCOUNT_SUBJECT_TYPE_UNKNOWN", truncate(claimed));
	}

	/** Trades the authorization code for tokens and returns the ID token. */
	private String exchange(String code, SignInContext context) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("grant_type", "authorization_code");
		body.put("code", code);
		body.put("redirect_uri", context.redirectUri());
		body.put("code_verifier", context.codeVerifier());
		String credentials = URLEncoder.encode(config.clientId(), StandardCharsets.UTF_8) + ":"
				+ URLEncoder.encode(config.clientSecret() == null ? "" : config.clientSecret(), StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint("token_endpoint")))
			.timeout(config.timeout())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(form(body)))
			.build();
		JsonNode tokens = send(request);
		String idToken = tokens.path("id_token").asString("");
		if (idToken.isEmpty()) {
			throw failed("token: no id_token");
		}
		return idToken;
	}

	private String endpoint(String name) {
		JsonNode known = metadata;
		if (known == null) {
			known = get(config.issuerUri().replaceAll("/+$", "") + "/.well-known/openid-configuration");
			if (!config.issuerUri().equals(known.path("issuer").asString(""))) {
				throw failed("discovery: issuer mismatch");
			}
			metadata = known;
		}
		String url = known.path(name).asString("");
		if (url.isEmpty()) {
			throw failed("discovery: no " + name);
		}
		return url;
	}

	private JsonNode get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.timeout(config.timeout())
			.header("Accept", "application/json")
			.GET()
			.build());
	}

	private JsonNode send(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw failed(request.uri().getPath() + ": HTTP " + response.statusCode());
			}
			return json.readTree(response.body());
		}
		catch (IOException e) {
			throw failed(request.uri().getPath() + ": " + e.getClass().getSimpleName());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw failed("interrupted");
		}
		catch (tools.jackson.core.JacksonException e) {
			throw failed(request.uri().getPath() + ": not JSON");
		}
	}

	private void requireEnabled() {
		if (!enabled()) {
			throw DomainException.notFound(SubjectSignIn.PROVIDER_UNAVAILABLE);
		}
	}

	private static String form(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String truncate(String s) {
		return s.length() > 60 ? s.substring(0, 60) + "…" : s;
	}

	private static DomainException failed(String step) {
		return new DomainException(FAILED, HttpStatus.BAD_GATEWAY, step);
	}
}
