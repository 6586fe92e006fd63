package org.xinyong.evaluation;

import java.time.Instant;

/** A published version of the scoring model (versions are never changed; a new one replaces it for new runs). */
public record ModelVersion(int version, ScoringModel model, String note, String publishedBy, Instant publishedAt) {
}
