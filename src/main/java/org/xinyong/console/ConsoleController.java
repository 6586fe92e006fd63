package org.xinyong.console;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xinyong.access.StaffPrincipal;
import org.xinyong.platform.web.ConsoleMenuItem;

/** The console's home page: who you are, for which organisation, with which roles. */
@Controller
class ConsoleController {

	@GetMapping("/console")
	String home(@AuthenticationPrincipal StaffPrincipal user, Model model) {
		model.addAttribute("user", user);
		return "console/home";
	}

	@Bean
	static ConsoleMenuItem consoleHomeMenuItem() {
		return new ConsoleMenuItem("console.menu.home", "/console", Set.of(), 0);
	}
}
