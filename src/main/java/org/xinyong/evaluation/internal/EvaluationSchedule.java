package org.xinyong.evaluation.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xinyong.evaluation.Evaluations;
import org.xinyong.platform.DomainException;

/**
 * Loads the default model on first start, closes runs interrupted by a stop, and starts the periodic evaluation of
 * all subjects ({@code xinyong.evaluation.cron}, Beijing time; {@code -} disables it).
 */
@Component
class EvaluationSchedule {

	private static final Logger log = LoggerFactory.getLogger(EvaluationSchedule.class);

	private final Evaluations evaluations;
	private final EvaluationEngine engine;

	EvaluationSchedule(Evaluations evaluations, EvaluationEngine engine) {
		this.evaluations = evaluations;
		this.engine = engine;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		evaluations.currentModel();
		int interrupted = engine.failInterrupted();
		if (interrupted > 0) {
			log.warn("{} evaluation run(s) were interrupted by a stop and are marked FAILED", interrupted);
		}
	}

	@Scheduled(cron = "${xinyong.evaluation.cron:0 0 2 * * *}", zone = "Asia/Shanghai")
	void periodic() {
		try {
			long run = evaluations.start("SCHEDULED", "system");
			log.info("Scheduled evaluation run {} started", run);
		}
		catch (DomainException e) {
			log.warn("Scheduled evaluation not started: {}", e.code());
		}
	}
}
