/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks an interpreter whether it can run the executor: it must import cv2 and numpy (and should
 * import PIL and Xlib for the real screen). Tells exactly which modules are missing.
 */
public final class InterpreterCheck {

	private static final List<String> REQUIRED = List.of("cv2", "numpy");
	private static final List<String> FOR_X11 = List.of("PIL", "Xlib");

	/** {@code missing} empty means the interpreter can run the executor. */
	public record Result(boolean runs, List<String> missing, List<String> missingForX11, String detail) {
		public boolean ok() {
			return runs && missing.isEmpty();
		}

		public String message() {
			if (!runs) {
				return "Cannot run " + detail;
			}
			if (!missing.isEmpty()) {
				return "The interpreter lacks " + String.join(", ", missing)
						+ " (on Debian: apt install python3-opencv python3-numpy)";
			}
			if (!missingForX11.isEmpty()) {
				return "Runs on the mock and screenshots backends; the x11 backend also needs "
						+ String.join(", ", missingForX11) + " (apt install python3-pil python3-xlib)";
			}
			return null;
		}
	}

	private InterpreterCheck() {
	}

	public static Result check(String interpreter) {
		if (interpreter == null || interpreter.isBlank() || !Files.isExecutable(Path.of(interpreter))) {
			return new Result(false, REQUIRED, FOR_X11, "'" + interpreter + "': not an executable file");
		}
		List<String> all = new ArrayList<>(REQUIRED);
		all.addAll(FOR_X11);
		StringBuilder script = new StringBuilder("import importlib\nfor m in ").append(pythonList(all))
				.append(":\n    try:\n        importlib.import_module(m)\n    except Exception:\n        print(m)\n");
		try {
			Process p = new ProcessBuilder(interpreter, "-s", "-c", script.toString()).redirectErrorStream(true).start();
			if (!p.waitFor(20, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				return new Result(false, REQUIRED, FOR_X11, interpreter + ": no answer within 20 s");
			}
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (p.exitValue() != 0) {
				return new Result(false, REQUIRED, FOR_X11, interpreter + ": " + out.strip());
			}
			List<String> missing = new ArrayList<>();
			List<String> missingX11 = new ArrayList<>();
			for (String line : out.split("\\R")) {
				String m = line.strip();
				if (REQUIRED.contains(m)) {
					missing.add(m);
				} else if (FOR_X11.contains(m)) {
					missingX11.add(m);
				}
			}
			return new Result(true, missing, missingX11, interpreter);
		} catch (IOException e) {
			return new Result(false, REQUIRED, FOR_X11, interpreter + ": " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Result(false, REQUIRED, FOR_X11, "interrupted");
		}
	}

	private static String pythonList(List<String> items) {
		return "[" + String.join(", ", items.stream().map(s -> "'" + s + "'").toList()) + "]";
	}
}
