package org.xinyong.ingest;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.xinyong.platform.DomainException;

/** Values for a single record (e.g. a correction) that break the item's rules; {@link #errors()} says which. */
public class RecordInvalidException extends DomainException {

	private final transient List<RowError> errors;

	public RecordInvalidException(List<RowError> errors) {
		super("RECORD_INVALID", HttpStatus.UNPROCESSABLE_ENTITY, errors.size());
		this.errors = List.copyOf(errors);
	}

	public List<RowError> errors() {
		return errors;
	}
}
