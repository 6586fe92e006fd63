package org.xinyong.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinyong.access.StaffUsers;

/** The provider's upload page with progress, and the accountability page for the credit centre. */
@SpringBootTest(properties = "xinyong.ingest.upload-dir=target/test-uploads")
@AutoConfigureMockMvc
class IngestConsoleIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffUsers users;

	@Autowired
	FileSubmissions files;

	RequestPostProcessor staff(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.byUsername(username).orElseThrow());
	}

	@Test
	void providerUploadsAGbkFileAndSeesItProcessedThenTheCentreSeesTheFigures() throws Exception {
		String csv = FileSubmissionIT.HEADER + "\r\n"
				+ FileSubmissionIT.line("银川市某某商贸有限公司", "91320100748204660Q", "控制台罚〔2026〕1号", "2026-01-05") + "\r\n"
				+ FileSubmissionIT.line("坏代码", "91320100748204660X", "控制台罚〔2026〕2号", "2026-01-05") + "\r\n";
		var result = mvc.perform(multipart("/console/ingest")
			.file(new MockMultipartFile("file", "处罚.csv", "text/csv", csv.getBytes(Charset.forName("GBK"))))
			.param("catalogItem", "ADMIN_PENALTY")
			.param("submissionKey", "console-1")
			.param("charset", "auto")
			.with(staff("provider"))
			.with(csrf())).andExpect(flash().attributeExists("queued")).andReturn();
		long id = (Long) result.getFlashMap().get("queued");
		long deadline = System.currentTimeMillis() + 30_000;
		while (!files.status(id).orElseThrow().status().equals("DONE") && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		assertThat(files.status(id).orElseThrow().accepted()).isEqualTo(1);

		mvc.perform(get("/console/ingest").with(staff("provider")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("处罚.csv")))
			.andExpect(content().string(containsString("已完成")))
			.andExpect(content().string(containsString("rejected.xlsx")));
		mvc.perform(get("/console/ingest/providers").with(staff("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("提供单位履职情况")))
			.andExpect(content().string(containsString("50.0%")));
		mvc.perform(get("/console/ingest/providers").with(staff("provider"))).andExpect(status().isForbidden());
	}
}
