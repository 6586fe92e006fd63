package org.xinyong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The load generator's HTTP/1.1 client against the JDK's HTTP server: bodies by length and chunked, keep-alive. */
class LoadGeneratorClientTest {

	private HttpServer server;
	private final List<String> bodies = new CopyOnWriteArrayList<>();
	private final AtomicInteger connections = new AtomicInteger();
	private final List<Object> seenConnections = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/fixed", exchange -> {
			track(exchange.getRemoteAddress());
			byte[] out = "{\"名称\":\"固定长度\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, out.length);
			try (OutputStream o = exchange.getResponseBody()) {
				o.write(out);
			}
		});
		server.createContext("/chunked", exchange -> {
			track(exchange.getRemoteAddress());
			bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(201, 0); // 0 = chunked
			try (OutputStream o = exchange.getResponseBody()) {
				for (int i = 0; i < 50; i++) {
					o.write(("part " + i + " 分块 ").getBytes(StandardCharsets.UTF_8));
					o.flush();
				}
			}
		});
		server.createContext("/missing", exchange -> {
			track(exchange.getRemoteAddress());
			exchange.sendResponseHeaders(404, -1); // no body
			exchange.close();
		});
		server.start();
	}

	private void track(Object remote) {
		if (!seenConnections.contains(remote)) {
			seenConnections.add(remote);
			connections.incrementAndGet();
		}
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

	@Test
	void readsBodiesByLengthAndChunkedOnOneKeptAliveConnection() throws IOException {
		LoadGenerator.Http11Client client = new LoadGenerator.Http11Client();
		for (int i = 0; i < 20; i++) {
			assertThat(client.send(uri("/fixed"), null)).isEqualTo(200);
			assertThat(client.send(uri("/chunked"), "{\"n\":" + i + ",\"名\":\"值\"}")).isEqualTo(201);
			assertThat(client.send(uri("/missing"), null)).isEqualTo(404);
		}
		client.close();
		assertThat(bodies).hasSize(20).first().isEqualTo("{\"n\":0,\"名\":\"值\"}");
		assertThat(connections.get()).as("one connection, kept alive").isEqualTo(1);
	}
}
