package org.xinyong.disclosure;

import org.xinyong.subject.SubjectType;

/** A subject as search results and list rows show it (a natural person's code and name masked). */
public record SubjectSummary(String code, String name, SubjectType type) {
}
