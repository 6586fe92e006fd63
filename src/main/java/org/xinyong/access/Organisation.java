package org.xinyong.access;

/**
 * An organisation known to the platform.
 *
 * @param code unified social credit code of the organisation
 * @param demo true for the demo system's organisation, which later modules let try every capability
 */
public record Organisation(long id, String code, String name, String nameEn, OrganisationKind kind, Long parentId,
		boolean demo) {
}
