package org.xinyong.calendar;

/** Where a version of a year's holiday data came from. */
public enum CalendarSource {

	/** Shipped inside the application ({@code classpath:calendar/holidays/{year}.json}). */
	BUNDLED,

	/** Picked up from the operators' folder ({@code xinyong.calendar.folder}). */
	FOLDER,

	/** Uploaded through {@code POST /api/v1/calendar/years} by a platform administrator. */
	UPLOAD
}
