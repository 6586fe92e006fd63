package org.xinyong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Xinyong (信用): the region's public credit information sharing platform and credit website.
 */
@SpringBootApplication
@EnableScheduling
public class XinyongApplication {

	public static void main(String[] args) {
		SpringApplication.run(XinyongApplication.class, args);
	}
}
