package org.xinyong.portal.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.xinyong.portal.RateLimitedException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits anonymous use of the public pages and public API per client address (a token bucket per address:
 * {@code requests-per-minute} tokens, refilled continuously). Signed-in users and API-key callers are not limited
 * here. Beyond the limit a page request gets a friendly page, an API request a problem+json {@code RATE_LIMITED},
 * both with status 429 and {@code Retry-After}. An interceptor rather than a servlet filter, so that both answers
 * come from the normal MVC error handling.
 */
class RateLimitInterceptor implements HandlerInterceptor {

	static final int MAX_TRACKED = 100_000;

	private final int perMinute;
	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimitInterceptor(int perMinute) {
		this.perMinute = perMinute;
	}

	/**
	 * Lets the request through, or throws {@link RateLimitedException}: the API's problem handler turns it into
	 * problem+json, the website's into the friendly page.
	 */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!anonymous() || take(request.getRemoteAddr())) {
			return true;
		}
		response.setHeader("Retry-After", Long.toString(Math.max(1, 60 / Math.max(1, perMinute))));
		throw new RateLimitedException();
	}

	private static boolean anonymous() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
	}

	boolean take(String address) {
		if (buckets.size() > MAX_TRACKED) {
			long now = System.nanoTime();
			buckets.values().removeIf(b -> b.full(now));
			if (buckets.size() > MAX_TRACKED) {
				buckets.clear();
			}
		}
		return buckets.computeIfAbsent(address, a -> new Bucket(perMinute)).take(System.nanoTime());
	}

	/** Tokens refill at {@code capacity} per minute up to {@code capacity}. */
	static final class Bucket {

		private final double capacity;
		private double tokens;
		private long last;

		Bucket(int capacity) {
			this.capacity = capacity;
			this.tokens = capacity;
			this.last = System.nanoTime();
		}

		synchronized boolean take(long now) {
			refill(now);
			if (tokens >= 1) {
				tokens -= 1;
				return true;
			}
			return false;
		}

		synchronized boolean full(long now) {
			refill(now);
			return tokens >= capacity;
		}

		private void refill(long now) {
			tokens = Math.min(capacity, tokens + (now - last) * capacity / 60e9);
			last = now;
		}
	}
}
