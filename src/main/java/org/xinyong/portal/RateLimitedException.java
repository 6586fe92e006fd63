package org.xinyong.portal;

import org.springframework.http.HttpStatus;
import org.xinyong.platform.DomainException;

/** An anonymous client made more requests than the website allows per minute (HTTP 429). */
public class RateLimitedException extends DomainException {

	public RateLimitedException() {
		super("RATE_LIMITED", HttpStatus.TOO_MANY_REQUESTS);
	}
}
