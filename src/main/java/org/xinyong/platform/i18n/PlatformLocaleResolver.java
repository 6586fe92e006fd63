package org.xinyong.platform.i18n;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.StringUtils;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Chinese first, English second. A visitor's explicit choice ({@code ?lang=en}, kept in a cookie) wins; API
 * clients are answered in the language of their {@code Accept-Language}; everyone else reads Chinese.
 */
class PlatformLocaleResolver implements LocaleResolver {

	static final String COOKIE = "xinyong-lang";
	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		String param = request.getParameter("lang");
		if (StringUtils.hasText(param)) {
			return supported(param);
		}
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName()) && StringUtils.hasText(cookie.getValue())) {
					return supported(cookie.getValue());
				}
			}
		}
		String header = request.getHeader("Accept-Language");
		if (StringUtils.hasText(header)) {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
				String tag = range.getRange().toLowerCase(Locale.ROOT);
				if (tag.startsWith("zh")) {
					return CHINESE;
				}
				if (tag.startsWith("en")) {
					return Locale.ENGLISH;
				}
			}
		}
		return CHINESE;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		if (response == null) {
			return;
		}
		Locale chosen = locale == null ? CHINESE : supported(locale.toLanguageTag());
		Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
		cookie.setPath("/");
		cookie.setHttpOnly(true);
		cookie.setMaxAge(365 * 24 * 3600);
		response.addCookie(cookie);
	}

	static Locale supported(String tag) {
		return tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : CHINESE;
	}
}
