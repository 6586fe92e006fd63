package org.xinyong.sharing;

import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSourceResolvable;

/**
 * Why a state body asks for a subject's records (art. 34): the purposes a grant may cover and a query must state.
 * {@link #OTHER} needs a description.
 */
public enum SharingPurpose implements MessageSourceResolvable {
	/** 政府采购. */
	PROCUREMENT,
	/** 招标投标. */
	BIDDING,
	/** 行政审批、资质审核. */
	LICENSING,
	/** 资金安排、财政资金支持. */
	FUNDING,
	/** 评优评先、表彰奖励. */
	HONOURS,
	/** 公职人员录用、任用. */
	PUBLIC_EMPLOYMENT,
	/** 事中事后监管. */
	SUPERVISION,
	/** 其他履职需要 (described in words). */
	OTHER;

	/** The purpose named by {@code code} (case-insensitive), if it is one. */
	public static Optional<SharingPurpose> parse(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(code.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	@Override
	public String[] getCodes() {
		return new String[] { "sharing.purpose." + name() };
	}

	@Override
	public String getDefaultMessage() {
		return name();
	}
}
