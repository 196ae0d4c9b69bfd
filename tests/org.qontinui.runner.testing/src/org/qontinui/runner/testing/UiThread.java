/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/**
 * The workbench tests' small stand-in for SWTBot (not on Maven Central): runs test code on the UI thread and waits
 * for conditions while letting the UI thread work.
 */
public final class UiThread {

	public interface Block {
		void run() throws Exception;
	}

	private UiThread() {
	}

	public static Display display() {
		return PlatformUI.getWorkbench().getDisplay();
	}

	/** Runs on the UI thread; assertion errors and exceptions are rethrown in the test thread. */
	public static void run(Block block) {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		display().syncExec(() -> {
			try {
				block.run();
			} catch (Throwable t) {
				failure.set(t);
			}
		});
		rethrow(failure.get());
	}

	public static <T> T get(Supplier<T> supplier) {
		AtomicReference<T> result = new AtomicReference<>();
		run(() -> result.set(supplier.get()));
		return result.get();
	}

	/** Waits (from the test thread) until the condition, evaluated on the UI thread, holds. */
	public static void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
		long end = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < end) {
			if (Boolean.TRUE.equals(get(condition::getAsBoolean))) {
				return;
			}
			try {
				Thread.sleep(50);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted waiting for " + what);
			}
		}
		throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
	}

	private static void rethrow(Throwable t) {
		if (t == null) {
			return;
		}
		if (t instanceof RuntimeException r) {
			throw r;
		}
		if (t instanceof Error e) {
			throw e;
		}
		throw new RuntimeException(t);
	}
}
