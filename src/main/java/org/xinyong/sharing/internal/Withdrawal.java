package org.xinyong.sharing.internal;

import java.time.Instant;

/** The withdrawal of a grant or an authorisation: from {@code withdrawnAt} on it no longer counts. */
public record Withdrawal(String reason, String withdrawnBy, Instant withdrawnAt) {
}
