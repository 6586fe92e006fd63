package org.xinyong.ledger.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Verifies the whole ledger every night (03:30 Asia/Shanghai by default); the console shows the last result. */
@Component
class ScheduledVerification {

	private static final Logger log = LoggerFactory.getLogger(ScheduledVerification.class);

	private final Verifier verifier;

	ScheduledVerification(Verifier verifier) {
		this.verifier = verifier;
	}

	@Scheduled(cron = "${xinyong.ledger.verify-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
	void nightly() {
		var report = verifier.verifyAndRecord(Duration.ofMinutes(10));
		if (report.intact()) {
			log.info("Ledger verification: intact ({} versions, {} leaves)", report.versions(), report.leaves());
		}
		else {
			log.error("Ledger verification FAILED:\n{}", VerifyCommand.format(report));
		}
	}
}
