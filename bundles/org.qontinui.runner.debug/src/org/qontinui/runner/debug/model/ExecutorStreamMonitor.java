/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.debug.model;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.debug.core.IStreamListener;
import org.eclipse.debug.core.model.IStreamMonitor;

/** One stream of the executor's text (its log or the run's output), kept and passed on to the Console. */
public class ExecutorStreamMonitor implements IStreamMonitor {

	/** Keeps the console's replay bounded on very long runs. */
	private static final int MAX_BUFFERED_CHARS = 1 << 20;

	private final List<IStreamListener> listeners = new CopyOnWriteArrayList<>();
	private final StringBuilder contents = new StringBuilder();

	@Override
	public void addListener(IStreamListener listener) {
		listeners.add(listener);
	}

	@Override
	public void removeListener(IStreamListener listener) {
		listeners.remove(listener);
	}

	@Override
	public String getContents() {
		synchronized (contents) {
			return contents.toString();
		}
	}

	public void append(String text) {
		synchronized (contents) {
			contents.append(text);
			if (contents.length() > MAX_BUFFERED_CHARS) {
				contents.delete(0, contents.length() - MAX_BUFFERED_CHARS);
			}
		}
		for (IStreamListener listener : listeners) {
			listener.streamAppended(text, this);
		}
	}
}
