package org.xinyong.platform;

/**
 * Implemented by authenticated principals (staff users, department systems) that act for an organisation,
 * so that modules can attribute what they do without depending on the access module's types.
 */
public interface OrganisationMember {

	long organisationId();

	/** The organisation's unified social credit code. */
	String organisationCode();
}
