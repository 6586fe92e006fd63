package org.xinyong.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Gives every page the link that switches its language while keeping the page and its query (a search stays a
 * search): {@code langZh} and {@code langEn}.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LanguageLinks {

	@ModelAttribute
	void links(HttpServletRequest request, org.springframework.ui.Model model) {
		model.addAttribute("langZh", link(request, "zh"));
		model.addAttribute("langEn", link(request, "en"));
		model.addAttribute("pageBase", with(request, "page", ""));
	}

	static String link(HttpServletRequest request, String lang) {
		return with(request, "lang", lang);
	}

	/** The current page's link with {@code key} set last to {@code value} (empty: left for the template to end). */
	static String with(HttpServletRequest request, String key, String value) {
		StringBuilder out = new StringBuilder(request.getRequestURI()).append('?');
		for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
			if (e.getKey().equals(key) || e.getKey().equals("_csrf")) {
				continue;
			}
			for (String v : e.getValue()) {
				out.append(enc(e.getKey())).append('=').append(enc(v)).append('&');
			}
		}
		return out.append(key).append('=').append(enc(value)).toString();
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
