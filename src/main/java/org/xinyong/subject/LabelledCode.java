package org.xinyong.subject;

import org.springframework.context.MessageSourceResolvable;

/**
 * A code with a translatable name, e.g. the category {@code 91} named 企业 / Enterprise. The name lives in the
 * {@code i18n/subject} bundles under {@link #labelKey()}; the code itself is the fallback.
 */
public record LabelledCode(String code, String labelKey) implements MessageSourceResolvable {

	@Override
	public String[] getCodes() {
		return new String[] { labelKey };
	}

	@Override
	public String getDefaultMessage() {
		return code;
	}
}
