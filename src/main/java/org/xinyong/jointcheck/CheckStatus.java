package org.xinyong.jointcheck;

/** What the joint check found about the subject on the day of the check. */
public enum CheckStatus {
	/** On the reward list and without any current dishonesty record. */
	REWARD,
	/** On the serious-dishonesty list. */
	SERIOUS_DISHONESTY,
	/** Currently disclosed dishonesty records, but no serious entry. */
	DISHONESTY,
	/** None of the above. */
	CLEAR,
	/** No credit subject with this identifier is known to the platform. */
	UNKNOWN_SUBJECT
}
