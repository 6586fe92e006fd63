package org.xinyong.repair;

import java.util.UUID;

/**
 * Published when a repair is granted, after the record's disclosure was ended. Lists, measures and evaluation
 * react to it (e.g. {@link RepairOutcome#REMOVE_FROM_LIST}); the repair module propagates it to every consumer
 * that holds the record (art. 57).
 */
public record CreditRepaired(UUID recordId, long subjectId, RepairOutcome outcome, String applicationNumber) {
}
