package org.xinyong.catalog;

/**
 * Whether an organisation may provide records of an item. When not, {@code code} names the rule
 * ({@code PROVIDER_NOT_RESPONSIBLE}, {@code COLLECTOR_AGREEMENT_MISSING}, {@code COLLECTOR_AGREEMENT_EXPIRED},
 * {@code SELF_DECLARATION_ONLY}).
 *
 * @param agreementId the collector agreement that allows it (non-public information, art. 29), if any
 */
public record ProvisionDecision(boolean allowed, String code, Long agreementId) {

	public static ProvisionDecision allow() {
		return new ProvisionDecision(true, null, null);
	}

	public static ProvisionDecision allowUnder(long agreementId) {
		return new ProvisionDecision(true, null, agreementId);
	}

	public static ProvisionDecision refuse(String code) {
		return new ProvisionDecision(false, code, null);
	}
}
