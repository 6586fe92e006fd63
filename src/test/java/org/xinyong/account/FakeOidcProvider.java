package org.xinyong.account;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A small OpenID Connect provider for tests, on 127.0.0.1: discovery, JWKS, an authorize endpoint that signs the
 * user in at once and redirects back with a code, and a token endpoint that checks the client's credentials and
 * PKCE and answers with an RS256-signed ID token. Tests choose what the next token says and how it is signed.
 */
final class FakeOidcProvider implements AutoCloseable {

	static final String CLIENT_ID = "xinyong-test";
	static final String CLIENT_SECRET = "test-secret-ÄÖ&=";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;
	private final String issuer;
	private final KeyPair publishedKey = rsa();
	private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();

	/** What the next ID tokens say and how they are signed; tests change these. */
	volatile Map<String, Object> claims = Map.of();
	volatile KeyPair signingKey = publishedKey;
	volatile String tokenIssuer;
	volatile String audience = CLIENT_ID;
	volatile boolean returnNonce = true;

	private FakeOidcProvider() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/gov";
		tokenIssuer = issuer;
		server.createContext("/realms/gov/.well-known/openid-configuration", this::discovery);
		server.createContext("/realms/gov/jwks", this::jwks);
		server.createContext("/realms/gov/authorize", this::authorize);
		server.createContext("/realms/gov/token", this::token);
		server.start();
	}

	static FakeOidcProvider start() {
		try {
			return new FakeOidcProvider();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	String issuer() {
		return issuer;
	}

	/** Resets what tokens say: a well-formed token with these claims. */
	void next(Map<String, Object> claims) {
		this.claims = Map.copyOf(claims);
		this.signingKey = publishedKey;
		this.tokenIssuer = issuer;
		this.audience = CLIENT_ID;
		this.returnNonce = true;
	}

	/** A key pair the provider does not publish: tokens signed with it must be refused. */
	static KeyPair otherKey() {
		return rsa();
	}

	private void discovery(HttpExchange x) throws IOException {
		send(x, 200, Map.of("issuer", issuer, "authorization_endpoint", issuer + "/authorize", "token_endpoint",
				issuer + "/token", "jwks_uri", issuer + "/jwks", "response_types_supported", List.of("code"),
				"id_token_signing_alg_values_supported", List.of("RS256")));
	}

	private void jwks(HttpExchange x) throws IOException {
		RSAPublicKey key = (RSAPublicKey) publishedKey.getPublic();
		send(x, 200, Map.of("keys", List.of(Map.of("kty", "RSA", "kid", "k1", "use", "sig", "alg", "RS256", "n",
				b64(unsigned(key.getModulus().toByteArray())), "e", b64(unsigned(key.getPublicExponent().toByteArray()))))));
	}

	private void authorize(HttpExchange x) throws IOException {
		Map<String, String> q = parse(x.getRequestURI().getRawQuery());
		if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))
				|| !"S256".equals(q.get("code_challenge_method")) || !q.getOrDefault("scope", "").contains("openid")) {
			send(x, 400, Map.of("error", "invalid_request"));
			return;
		}
		String code = UUID.randomUUID().toString();
		codes.put(code, q);
		x.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state="
				+ URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
		x.sendResponseHeaders(302, -1);
		x.close();
	}

	private void token(HttpExchange x) throws IOException {
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8) + ":"
					+ URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
		if (!"POST".equals(x.getRequestMethod()) || !expected.equals(x.getRequestHeaders().getFirst("Authorization"))) {
			send(x, 401, Map.of("error", "invalid_client"));
			return;
		}
		Map<String, String> form = parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		Map<String, String> authorized = codes.remove(form.getOrDefault("code", ""));
		if (authorized == null || !"authorization_code".equals(form.get("grant_type"))
				|| !authorized.get("redirect_uri").equals(form.get("redirect_uri"))
				|| !authorized.get("code_challenge").equals(s256(form.getOrDefault("code_verifier", "")))) {
			send(x, 400, Map.of("error", "invalid_grant"));
			return;
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("iss", tokenIssuer);
		payload.put("sub", "gov-user-1");
		payload.put("aud", audience);
		payload.put("iat", Instant.now().getEpochSecond());
		payload.put("exp", Instant.now().plusSeconds(300).getEpochSecond());
		if (returnNonce) {
			payload.put("nonce", authorized.get("nonce"));
		}
		payload.putAll(claims);
		send(x, 200, Map.of("access_token", "at-" + UUID.randomUUID(), "token_type", "Bearer", "expires_in", 300,
				"id_token", sign(payload)));
	}

	private String sign(Map<String, Object> payload) {
		return TestJwts.sign(Map.of("alg", "RS256", "kid", "k1", "typ", "JWT"), payload, signingKey);
	}

	private static void send(HttpExchange x, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		x.getResponseHeaders().add("Content-Type", "application/json");
		x.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = x.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static Map<String, String> parse(String query) {
		Map<String, String> values = new HashMap<>();
		if (query != null) {
			for (String pair : query.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return values;
	}

	private static String s256(String verifier) {
		try {
			return b64(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] unsigned(byte[] bytes) {
		return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	private static String b64(byte[] bytes) {
		return TestJwts.base64Url(bytes);
	}

	private static KeyPair rsa() {
		return TestJwts.rsa();
	}

	/** Follows the authorize redirect as a browser would and returns where the provider sends it back. */
	URI authorizeAndReturn(String authorizeUrl) {
		try {
			var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(authorizeUrl)).build(),
					java.net.http.HttpResponse.BodyHandlers.discarding());
			return URI.create(response.headers().firstValue("Location").orElseThrow(
					() -> new IllegalStateException("authorize answered " + response.statusCode())));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
