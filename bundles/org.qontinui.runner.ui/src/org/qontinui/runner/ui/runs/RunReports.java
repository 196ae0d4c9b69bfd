/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.browser.IWebBrowser;
import org.eclipse.ui.browser.IWorkbenchBrowserSupport;
import org.qontinui.runner.runs.RunFolder;
import org.qontinui.runner.runs.report.HtmlReport;
import org.qontinui.runner.runs.report.ReportedRun;

/**
 * The HTML report of one run, as the headless runner writes it for a suite: written into the run's folder
 * from the folder's record and opened in the workbench's browser (Run Log and Execution Monitor).
 */
public final class RunReports {

	public static final String FILE = "report.html"; //$NON-NLS-1$

	private RunReports() {
	}

	/**
	 * Writes {@code report.html} into {@code runDir} from its {@code events.jsonl}.
	 *
	 * @throws IOException when the folder has no record (an old run, or one that never started)
	 */
	public static Path write(Path runDir, Path config, String workflow, boolean passed, String failure, double seconds)
			throws IOException {
		if (runDir == null || !new RunFolder(runDir).hasEvents()) {
			throw new IOException(NLS.bind(Messages.RunReports_noRecord, RunFolder.EVENTS, runDir));
		}
		Path file = runDir.resolve(FILE);
		String name = config == null ? runDir.getFileName().toString() : config.getFileName().toString();
		ReportedRun run = new ReportedRun(name + (workflow == null || workflow.isBlank() ? "" : "#" + workflow), config, //$NON-NLS-1$//$NON-NLS-2$
				workflow, passed, failure, seconds, runDir, null);
		HtmlReport.write(file, NLS.bind(Messages.RunReports_title, run.id()), List.of(run));
		return file;
	}

	/** Writes the report and opens it in a browser; errors are shown to the user. */
	public static void open(Shell shell, Path runDir, Path config, String workflow, boolean passed, String failure,
			double seconds) {
		try {
			Path file = write(runDir, config, workflow, passed, failure, seconds);
			IWebBrowser browser = PlatformUI.getWorkbench().getBrowserSupport().createBrowser(
					IWorkbenchBrowserSupport.AS_EDITOR | IWorkbenchBrowserSupport.LOCATION_BAR, "org.qontinui.runner.report", //$NON-NLS-1$
					Messages.RunReports_browserName, file.toString());
			browser.openURL(file.toUri().toURL());
		} catch (IOException | PartInitException e) {
			ErrorDialog.openError(shell, Messages.RunReports_openTitle, Messages.RunReports_cannotOpen,
					Status.error(e.getMessage() == null ? e.toString() : e.getMessage(), e));
		}
	}
}
