package org.xinyong.repair;

import java.util.Map;
import java.util.Set;

/** The states of a repair application and the only transitions allowed between them. */
public enum RepairStatus {
	RECEIVED, ACCEPTED, NOT_ACCEPTED, GRANTED, REJECTED, REOPENED;

	private static final Map<RepairStatus, Set<RepairStatus>> NEXT = Map.of(RECEIVED, Set.of(ACCEPTED, NOT_ACCEPTED),
			ACCEPTED, Set.of(GRANTED, REJECTED), GRANTED, Set.of(REOPENED), NOT_ACCEPTED, Set.of(), REJECTED, Set.of(),
			REOPENED, Set.of());

	public boolean canBecome(RepairStatus next) {
		return NEXT.get(this).contains(next);
	}

	/** Whether the application has been decided (accepted or not, granted or rejected): feedback is due. */
	public boolean decided() {
		return this == NOT_ACCEPTED || this == GRANTED || this == REJECTED || this == REOPENED;
	}

	public boolean open() {
		return this == RECEIVED || this == ACCEPTED;
	}
}
