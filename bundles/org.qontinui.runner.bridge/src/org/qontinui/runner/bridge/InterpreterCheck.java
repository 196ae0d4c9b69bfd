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

import org.eclipse.osgi.util.NLS;

/**
 * Asks an interpreter whether it can run the executor: it must import cv2 and numpy (and should
 * import PIL and Xlib for the real screen). Tells exactly which modules are missing.
 */
public final class InterpreterCheck {

	private static final List<String> REQUIRED = List.of("cv2", "numpy"); //$NON-NLS-1$ //$NON-NLS-2$
	private static final List<String> FOR_X11 = List.of("PIL", "Xlib"); //$NON-NLS-1$ //$NON-NLS-2$
	private static final int TIMEOUT_S = 20;

	/** {@code missing} empty means the interpreter can run the executor. */
	public record Result(boolean runs, List<String> missing, List<String> missingForX11, String detail) {
		public boolean ok() {
			return runs && missing.isEmpty();
		}

		public String message() {
			if (!runs) {
				return NLS.bind(Messages.InterpreterCheck_cannotRun, detail);
			}
			if (!missing.isEmpty()) {
				return NLS.bind(Messages.InterpreterCheck_lacks, String.join(", ", missing)); //$NON-NLS-1$
			}
			if (!missingForX11.isEmpty()) {
				return NLS.bind(Messages.InterpreterCheck_x11Needs, String.join(", ", missingForX11)); //$NON-NLS-1$
			}
			return null;
		}
	}

	private InterpreterCheck() {
	}

	public static Result check(String interpreter) {
		if (interpreter == null || interpreter.isBlank() || !Files.isExecutable(Path.of(interpreter))) {
			return new Result(false, REQUIRED, FOR_X11, NLS.bind(Messages.InterpreterCheck_notExecutable, interpreter));
		}
		List<String> all = new ArrayList<>(REQUIRED);
		all.addAll(FOR_X11);
		StringBuilder script = new StringBuilder("import importlib\nfor m in ").append(pythonList(all)) //$NON-NLS-1$
				.append(":\n    try:\n        importlib.import_module(m)\n    except Exception:\n        print(m)\n"); //$NON-NLS-1$
		try {
			Process p = new ProcessBuilder(interpreter, "-s", "-c", script.toString()).redirectErrorStream(true).start(); //$NON-NLS-1$ //$NON-NLS-2$
			if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				return new Result(false, REQUIRED, FOR_X11,
						NLS.bind(Messages.InterpreterCheck_noAnswer, interpreter, TIMEOUT_S));
			}
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (p.exitValue() != 0) {
				return new Result(false, REQUIRED, FOR_X11,
						NLS.bind(Messages.InterpreterCheck_failed, interpreter, out.strip()));
			}
			List<String> missing = new ArrayList<>();
			List<String> missingX11 = new ArrayList<>();
			for (String line : out.split("\\R")) { //$NON-NLS-1$
				String m = line.strip();
				if (REQUIRED.contains(m)) {
					missing.add(m);
				} else if (FOR_X11.contains(m)) {
					missingX11.add(m);
				}
			}
			return new Result(true, missing, missingX11, interpreter);
		} catch (IOException e) {
			return new Result(false, REQUIRED, FOR_X11,
					NLS.bind(Messages.InterpreterCheck_failed, interpreter, e.getMessage()));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Result(false, REQUIRED, FOR_X11, Messages.InterpreterCheck_interrupted);
		}
	}

	private static String pythonList(List<String> items) {
		return "[" + String.join(", ", items.stream().map(s -> "'" + s + "'").toList()) + "]"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
	}
}
