package org.xinyong.repair;

import java.util.UUID;

/**
 * Published when a granted repair is revoked because the credit commitment proved false: the record is disclosed
 * again and consumers must restore it.
 */
public record RepairReopened(UUID recordId, long subjectId, String applicationNumber, String reason) {
}
