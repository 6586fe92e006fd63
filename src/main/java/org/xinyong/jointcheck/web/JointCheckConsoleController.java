package org.xinyong.jointcheck.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xinyong.jointcheck.JointChecks;
import org.xinyong.platform.Zones;
import org.xinyong.platform.web.ConsoleMenuItem;

/** Checks per organisation and the overdue ones (art. 47). */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')")
class JointCheckConsoleController {

	private final JointChecks checks;
	private final Clock clock;

	JointCheckConsoleController(JointChecks checks, Clock clock) {
		this.checks = checks;
		this.clock = clock;
	}

	@Bean
	static ConsoleMenuItem jointCheckMenuItem() {
		return new ConsoleMenuItem("jointcheck.menu", "/console/joint-checks", Set.of("PLATFORM_ADMIN", "AUDITOR"), 345);
	}

	@GetMapping("/console/joint-checks")
	String overview(Model model) {
		model.addAttribute("overview", checks.overview(LocalDate.ofInstant(clock.instant(), Zones.DISPLAY)));
		return "jointcheck/console";
	}
}
