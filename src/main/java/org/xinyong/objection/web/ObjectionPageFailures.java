package org.xinyong.objection.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.xinyong.platform.DomainException;

/** A refused page request of the objection pages (unknown case, not one's own) gets the error page with its status. */
@ControllerAdvice(assignableTypes = { ObjectionConsoleController.class, AccountObjectionController.class,
		CertificateController.class })
class ObjectionPageFailures {

	@ExceptionHandler(DomainException.class)
	void pageFailure(DomainException e, HttpServletResponse response) throws IOException {
		response.sendError(e.status().value());
	}
}
