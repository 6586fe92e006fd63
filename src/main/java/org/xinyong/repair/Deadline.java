package org.xinyong.repair;

import java.time.LocalDate;

/**
 * One time limit of an application.
 *
 * @param kind      {@code ACCEPT}, {@code DECIDE} or {@code FEEDBACK}
 * @param remaining working days left after today (0 on the last day); null when the calendar does not know
 * @param met       whether the step was done (then it is never overdue)
 */
public record Deadline(String kind, LocalDate due, Integer remaining, boolean overdue, boolean met) {
}
