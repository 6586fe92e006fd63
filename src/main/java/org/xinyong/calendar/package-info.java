/**
 * Calendar: the official working-day calendar (statutory holidays and make-up working days, versioned per year) and the counting of working days for legal deadlines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package org.xinyong.calendar;
