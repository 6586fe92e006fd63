package org.xinyong.ledger.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xinyong.ledger.Ledger;
import org.xinyong.platform.web.ConsoleMenuItem;

/** Console: the ledger's size, latest signed checkpoint and the result of the last verification. */
@Controller
class LedgerConsoleController {

	private final Ledger ledger;
	private final JdbcClient jdbc;

	LedgerConsoleController(Ledger ledger, JdbcClient jdbc) {
		this.ledger = ledger;
		this.jdbc = jdbc;
	}

	/** The last verification run, as the console shows it. */
	record LastVerification(java.time.Instant finishedAt, boolean intact, long leaves, long versions,
			long checkpoints, String problems) {
	}

	@GetMapping("/console/ledger")
	@PreAuthorize("hasAnyRole('AUDITOR', 'PLATFORM_ADMIN')")
	String ledger(Model model) {
		model.addAttribute("size", ledger.size());
		model.addAttribute("algorithm", ledger.algorithm());
		model.addAttribute("checkpoint", ledger.latestCheckpoint()
			.map(LedgerController.CheckpointView::of)
			.orElse(null));
		model.addAttribute("verification", jdbc.sql("""
				select finished_at, intact, leaves, versions, checkpoints, problems::text
				from ledger_verification order by id desc limit 1""")
			.query((rs, n) -> new LastVerification(rs.getTimestamp(1).toInstant(), rs.getBoolean(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getString(6)))
			.optional()
			.orElse(null));
		return "ledger/console";
	}

	@Bean
	static ConsoleMenuItem ledgerMenuItem() {
		return new ConsoleMenuItem("ledger.menu", "/console/ledger", Set.of("AUDITOR", "PLATFORM_ADMIN"), 950);
	}
}
