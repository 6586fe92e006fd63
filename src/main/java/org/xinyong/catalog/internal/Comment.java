package org.xinyong.catalog.internal;

import java.time.Instant;

/**
 * A comment received during the public consultation on a draft (art. 27: 公开征求意见).
 *
 * @param author             who commented
 * @param authorOrganisation on behalf of which organisation, as stated (anyone may comment)
 * @param organisationId     the organisation, when it is known to the platform
 * @param receivedAt         when the comment was made; {@code recordedAt}/{@code recordedBy}: when and by whom it
 *                           was entered
 */
public record Comment(long id, long versionId, String itemCode, String author, String authorOrganisation,
		Long organisationId, String text, Instant receivedAt, Instant recordedAt, String recordedBy) {
}
