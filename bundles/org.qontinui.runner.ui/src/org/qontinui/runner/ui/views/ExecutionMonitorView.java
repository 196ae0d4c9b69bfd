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

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.ui.part.ViewPart;
import org.qontinui.runner.bridge.events.MatchEvent;
import org.qontinui.runner.runs.RunEvent;
import org.qontinui.runner.runs.RunRecord;
import org.qontinui.runner.ui.OpenConfigurations;
import org.qontinui.runner.ui.QontinuiPerspective;
import org.qontinui.runner.ui.RunTracker;
import org.qontinui.runner.ui.model.ConfigNode;
import org.qontinui.runner.ui.model.ThumbnailCache;
import org.qontinui.runner.ui.runs.RunReports;

/**
 * The current run at a glance: status, elapsed time, where it is, progress through the workflow,
 * passed and failed actions, the last match beside its template, and the history of past runs.
 */
public class ExecutionMonitorView extends ViewPart implements RunTracker.Listener {

	public static final String ID = QontinuiPerspective.EXECUTION_MONITOR;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

	private Label status;
	private Label elapsed;
	private Label where;
	private Label counts;
	private ProgressBar progress;
	private Label matchImage;
	private Label foundImage;
	private Label matchText;
	private Image found;
	private TableViewer history;
	private Font bold;
	private ThumbnailCache thumbnails;
	private boolean refreshScheduled;

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(parent);
		thumbnails = new ThumbnailCache(parent.getDisplay());
		FontData fd = parent.getFont().getFontData()[0];
		bold = new Font(parent.getDisplay(), fd.getName(), fd.getHeight() + 2, SWT.BOLD);

		status = new Label(parent, SWT.NONE);
		status.setFont(bold);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
		elapsed = new Label(parent, SWT.RIGHT);
		GridDataFactory.fillDefaults().hint(90, SWT.DEFAULT).applyTo(elapsed);
		where = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(where);
		progress = new ProgressBar(parent, SWT.HORIZONTAL | SWT.SMOOTH);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(progress);
		counts = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(counts);

		Group match = new Group(parent, SWT.NONE);
		match.setText("Last match");
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(match);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(match);
		matchImage = new Label(match, SWT.NONE);
		matchImage.setToolTipText("The template looked for");
		GridDataFactory.swtDefaults().hint(64, 48).applyTo(matchImage);
		foundImage = new Label(match, SWT.BORDER);
		foundImage.setToolTipText("What the screen showed at the best match");
		GridDataFactory.swtDefaults().hint(64, 48).applyTo(foundImage);
		matchText = new Label(match, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(matchText);

		Label h = new Label(parent, SWT.NONE);
		h.setText("Past runs");
		GridDataFactory.fillDefaults().span(2, 1).applyTo(h);
		history = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
		history.getTable().setHeaderVisible(true);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(history.getControl());
		column("Started", 110, r -> TIME.format(r.started()));
		column("Configuration", 160, r -> Path.of(r.config()).getFileName() + (r.workflow() == null || r.workflow().isBlank() ? "" : " / " + r.workflow()));
		column("Duration", 70, r -> RunTracker.format(Duration.ofMillis(r.durationMs())));
		column("Result", 80, RunTracker.PastRun::result);
		column("Actions", 80, r -> r.passed() + " ok, " + r.failed() + " failed");
		history.setContentProvider(ArrayContentProvider.getInstance());
		history.addDoubleClickListener(e -> openReport());
		getViewSite().getActionBars().getToolBarManager().add(new Action("Open HTML Report") {
			@Override
			public void run() {
				openReport();
			}
		});

		RunTracker.getDefault().addListener(this);
		refresh();
		tick();
	}

	private void column(String title, int width, Function<RunTracker.PastRun, String> text) {
		TableViewerColumn c = new TableViewerColumn(history, SWT.NONE);
		c.getColumn().setText(title);
		c.getColumn().setWidth(width);
		c.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((RunTracker.PastRun) element);
			}
		});
	}

	private void tick() {
		if (status.isDisposed()) {
			return;
		}
		RunRecord r = RunTracker.getDefault().current();
		if (r != null && !r.status().isFinal()) {
			elapsed.setText(RunTracker.format(r.elapsed()));
		}
		status.getDisplay().timerExec(500, this::tick);
	}

	@Override
	public void runChanged(RunRecord record, RunEvent event) {
		if (event != null && event.kind() == RunEvent.Kind.OUTPUT) {
			return;
		}
		synchronized (this) {
			if (refreshScheduled) {
				return; // coalesce bursts of events into one repaint
			}
			refreshScheduled = true;
		}
		status.getDisplay().asyncExec(() -> {
			synchronized (this) {
				refreshScheduled = false;
			}
			refresh();
		});
	}

	/** Re-reads the current run; public for tests. */
	public void refresh() {
		if (status.isDisposed()) {
			return;
		}
		RunRecord r = RunTracker.getDefault().current();
		history.setInput(RunTracker.getDefault().history());
		if (r == null) {
			status.setText("No run yet");
			where.setText("Run or debug a configuration to watch it here.");
			return;
		}
		status.setText(r.status().name().charAt(0) + r.status().name().substring(1).toLowerCase(Locale.ROOT)
				+ ": " + r.config().getFileName() + (r.workflow() == null || r.workflow().isBlank() ? "" : " / " + r.workflow()));
		elapsed.setText(RunTracker.format(r.elapsed()));
		where.setText("States: " + (r.activeStates().isEmpty() ? "-" : String.join(", ", r.activeStates()))
				+ "\nTransition: " + orDash(r.currentTransition()) + "    Workflow: " + orDash(r.currentWorkflow())
				+ "    Action: " + orDash(r.currentAction())
				+ (r.failure() != null ? "\nFailure: " + r.failure() : ""));
		int done = r.actionsPassed() + r.actionsFailed();
		int total = Math.max(done, totalActions(r));
		progress.setMaximum(Math.max(total, 1));
		progress.setSelection(r.status().isFinal() && r.status() == RunRecord.Status.PASSED ? Math.max(total, 1) : done);
		counts.setText(r.actionsPassed() + " actions passed, " + r.actionsFailed() + " failed"
				+ (total > 0 ? " (" + done + " of about " + total + ")" : ""));
		MatchEvent m = r.lastMatch();
		if (m != null) {
			ConfigNode c = OpenConfigurations.getDefault().find(r.config());
			Image template = c == null ? null : thumbnails.get(c, m.imageId(), 48);
			matchImage.setImage(template);
			showFound(m.regionPng());
			String loc = m.location() == null ? "-" : "(" + m.location().x() + ", " + m.location().y() + ")";
			matchText.setText(String.format("%s %s%nscore %.3f vs threshold %.3f%nat %s in %.0f ms",
					m.found() ? "Found" : "NOT found", m.imageId(), m.score(), m.threshold(), loc, m.durationMs()));
		}
		status.getParent().layout(true, true);
	}

	/** The screen area of the best match, beside the template: users see at once why it (did not) match. */
	private void showFound(String png) {
		if (found != null) {
			foundImage.setImage(null);
			found.dispose();
			found = null;
		}
		if (png == null || png.isEmpty()) {
			return;
		}
		try {
			var data = new ImageLoader()
					.load(new ByteArrayInputStream(Base64.getDecoder().decode(png)))[0];
			double scale = Math.min(1.0, Math.min(64.0 / data.width, 48.0 / data.height));
			found = new Image(foundImage.getDisplay(), scale < 1
					? data.scaledTo(Math.max(1, (int) (data.width * scale)), Math.max(1, (int) (data.height * scale))) : data);
			foundImage.setImage(found);
		} catch (RuntimeException e) {
			// a damaged picture only costs the picture
		}
	}

	/** For tests: whether the found region is shown. */
	public boolean showsFoundRegion() {
		return found != null && !found.isDisposed();
	}

	/** The HTML report of the past run selected in the history (double-click), else of the current run. */
	void openReport() {
		Object selected = history.getStructuredSelection().getFirstElement();
		if (selected instanceof RunTracker.PastRun past && !past.runDirectory().isEmpty()) {
			RunReports.open(getSite().getShell(), Path.of(past.runDirectory()), Path.of(past.config()), past.workflow(),
					"passed".equals(past.result()), null, past.durationMs() / 1000.0);
			return;
		}
		RunRecord r = RunTracker.getDefault().current();
		if (r != null) {
			RunReports.open(getSite().getShell(), r.runDirectory(), r.config(), r.workflow(),
					r.status() == RunRecord.Status.PASSED, r.failure(), r.elapsed().toMillis() / 1000.0);
		}
	}

	private static int totalActions(RunRecord r) {
		ConfigNode c = OpenConfigurations.getDefault().find(r.config());
		if (c == null || c.config() == null) {
			return 0;
		}
		String wf = r.workflow();
		return c.config().getWorkflows().stream()
				.filter(w -> wf == null || wf.isBlank() || wf.equals(w.getId()) || wf.equals(w.getName()))
				.mapToInt(w -> w.getActions().size()).sum();
	}

	private static String orDash(String s) {
		return s == null || s.isBlank() ? "-" : s;
	}

	/** For tests: the status line. */
	public String statusText() {
		return status.getText();
	}

	@Override
	public void setFocus() {
		history.getControl().setFocus();
	}

	@Override
	public void dispose() {
		RunTracker.getDefault().removeListener(this);
		thumbnails.dispose();
		bold.dispose();
		if (found != null) {
			found.dispose();
		}
		super.dispose();
	}

}
