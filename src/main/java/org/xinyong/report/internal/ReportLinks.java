package org.xinyong.report.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The public address of the verification page, printed and encoded in the QR code on every report. */
@Component
public class ReportLinks {

	private final String baseUrl;

	ReportLinks(@Value("${xinyong.report.public-url:http://localhost:8080}") String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public String verification(String number) {
		return baseUrl + "/reports/verify?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
	}
}
