/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.views;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.IOConsole;
import org.eclipse.ui.console.IOConsoleOutputStream;
import org.qontinui.runner.core.secure.SecretMask;
import org.qontinui.runner.runs.RunEvent;
import org.qontinui.runner.runs.RunRecord;
import org.qontinui.runner.ui.RunTracker;
import org.qontinui.runner.ui.internal.QontinuiUiPlugin;

/**
 * One Console per run: the executor's output and the run's events, one line each, coloured by
 * level (debug grey, info plain, warnings orange, errors red). Secrets are masked.
 */
public final class RunConsole extends IOConsole implements RunRecord.Listener {

	public static final String TYPE = "org.qontinui.runner.ui.runConsole"; //$NON-NLS-1$
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault()); //$NON-NLS-1$

	private final RunRecord record;
	private final Map<RunEvent.Level, IOConsoleOutputStream> streams = new EnumMap<>(RunEvent.Level.class);

	private RunConsole(RunRecord record) {
		super(NLS.bind(Messages.RunConsole_name, record.config().getFileName(), TIME.format(record.started())), TYPE,
				QontinuiUiPlugin.imageDescriptor("run"), true); //$NON-NLS-1$
		this.record = record;
		for (RunEvent.Level level : RunEvent.Level.values()) {
			streams.put(level, newOutputStream());
		}
		Display display = Display.getDefault();
		display.asyncExec(() -> {
			streams.get(RunEvent.Level.DEBUG).setColor(display.getSystemColor(SWT.COLOR_DARK_GRAY));
			streams.get(RunEvent.Level.WARNING).setColor(new Color(200, 110, 0));
			streams.get(RunEvent.Level.ERROR).setColor(display.getSystemColor(SWT.COLOR_RED));
		});
	}

	/** Opens the Console of a run (once) and replays what happened before it opened. */
	public static synchronized RunConsole of(RunRecord record) {
		for (IConsole c : ConsolePlugin.getDefault().getConsoleManager().getConsoles()) {
			if (c instanceof RunConsole rc && rc.record == record) {
				return rc;
			}
		}
		RunConsole console = new RunConsole(record);
		ConsolePlugin.getDefault().getConsoleManager().addConsoles(new IConsole[] { console });
		record.addListener(console);
		record.events().forEach(console::write);
		return console;
	}

	public RunRecord record() {
		return record;
	}

	/** The stream a level is written to, for tests. */
	public IOConsoleOutputStream stream(RunEvent.Level level) {
		return streams.get(level);
	}

	@Override
	public void changed(RunRecord r, RunEvent added) {
		if (added != null) {
			write(added);
		}
	}

	private void write(RunEvent e) {
		try {
			streams.get(e.level()).write(TIME.format(e.time()) + " " + e.kind().name().toLowerCase(Locale.ROOT) + "  " //$NON-NLS-1$//$NON-NLS-2$
					+ SecretMask.mask(e.message()) + System.lineSeparator());
		} catch (IOException ex) {
			// the console was closed
		}
	}

	/** Opens a Console for every run the tracker sees. */
	public static void follow(RunTracker tracker) {
		tracker.addListener((r, event) -> {
			if (event == null) {
				of(r);
			}
		});
		tracker.runs().forEach(RunConsole::of);
	}
}
