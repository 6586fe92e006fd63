package org.xinyong.account.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xinyong.account.SubjectPrincipal;
import org.xinyong.account.VerificationMethod;
import org.xinyong.account.internal.SubjectSignIn;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.web.Problems;

/** The subject login page: the e-government unified login and, in demo mode, the built-in verifier. */
@Controller
class AccountLoginController {

	static final String CALLBACK = "/account/login/oidc/callback";

	private final SubjectSignIn signIn;
	private final Problems problems;

	AccountLoginController(SubjectSignIn signIn, Problems problems) {
		this.signIn = signIn;
		this.problems = problems;
	}

	@GetMapping("/account/login")
	String login(Model model) {
		if (SubjectPrincipal.current().isPresent()) {
			return "redirect:/account";
		}
		return page(model, null, "");
	}

	@PostMapping("/account/login")
	String demoSignIn(@RequestParam(defaultValue = "") String identifier,
			@RequestParam(defaultValue = "") String verificationCode, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		try {
			signIn.signIn(VerificationMethod.DEMO_CODE,
					Map.of("identifier", identifier, "verificationCode", verificationCode), request, response);
			return "redirect:/account";
		}
		catch (DomainException e) {
			response.setStatus(e.status().value());
			return page(model, problems.message(e, locale), identifier);
		}
	}

	@GetMapping("/account/login/oidc")
	String oidcStart(HttpServletRequest request) {
		return "redirect:" + signIn.start(VerificationMethod.OIDC, request, CALLBACK);
	}

	@GetMapping(CALLBACK)
	String oidcCallback(@RequestParam Map<String, String> parameters, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		try {
			signIn.complete(VerificationMethod.OIDC, parameters, request, response);
			return "redirect:/account";
		}
		catch (DomainException e) {
			response.setStatus(e.status().value());
			return page(model, problems.message(e, locale), "");
		}
	}

	@PostMapping("/account/logout")
	String logout(HttpServletRequest request, HttpServletResponse response) {
		signIn.signOut(request, response);
		return "redirect:/account/login?logout";
	}

	private String page(Model model, String failure, String identifier) {
		model.addAttribute("oidcEnabled", signIn.enabled(VerificationMethod.OIDC));
		model.addAttribute("demoCode", signIn.demoCode().orElse(null));
		model.addAttribute("failure", failure);
		model.addAttribute("identifier", identifier.length() > 40 ? "" : identifier);
		return "account/login";
	}
}
