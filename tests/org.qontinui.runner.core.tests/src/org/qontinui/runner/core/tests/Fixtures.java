package org.qontinui.runner.core.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Example configurations in {@code fixtures/}, read through the class loader: inside OSGi the
 * fragment's root is on the host bundle's class path, on a plain class path the fragment folder is.
 */
public final class Fixtures {

	public static final List<String> V2 = List.of("login-demo.v2.json", "runner-mock-mode.v2.json",
			"runner-screenshot-mode.v2.json", "workflow-if.v2.json", "workflow-loop.v2.json", "workflow-nested.v2.json");
	public static final List<String> V1 = List.of("simple-automation.v1.json");

	/** A real 4x2 PNG. */
	public static final String PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAD0lEQVR4nGNgqLiOQMgcAIF6CnmmojyOAAAAAElFTkSuQmCC";

	private Fixtures() {
	}

	public static String read(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
			if (in == null) {
				throw new IllegalStateException("fixture not on the class path: /fixtures/" + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
