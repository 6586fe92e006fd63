package org.xinyong.objection;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** Which records have an objection that is still being handled (their public view carries "异议处理中"). */
public interface PendingObjections {

	/** The ids among the given ones whose records have an open objection. */
	Set<UUID> pendingAmong(Collection<UUID> recordIds);
}
