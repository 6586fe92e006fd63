package org.xinyong.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The credit website's start page: what the platform is, and where to go next. */
@Controller
class StartPageController {

	@GetMapping("/")
	String start() {
		return "portal/index";
	}
}
