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
import java.util.function.Function;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
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
import org.qontinui.runner.ui.internal.QontinuiUiPlugin;
import org.qontinui.runner.ui.model.ConfigNode;
import org.qontinui.runner.ui.model.ThumbnailCache;
import org.qontinui.runner.ui.runs.RunReports;

/**
 * The current run at a glance: status, elapsed time, where it is, progress through the workflow,
 * passed and failed actions, the last match beside its template, and the history of past runs.
 */
public class ExecutionMonitorView extends ViewPart implements RunTracker.Listener {

	public static final String ID = QontinuiPerspective.EXECUTION_MONITOR;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault()); //$NON-NLS-1$

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
		match.setText(Messages.ExecutionMonitor_lastMatch);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(match);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(match);
		matchImage = new Label(match, SWT.NONE);
		matchImage.setToolTipText(Messages.ExecutionMonitor_templateTooltip);
		GridDataFactory.swtDefaults().hint(64, 48).applyTo(matchImage);
		foundImage = new Label(match, SWT.BORDER);
		foundImage.setToolTipText(Messages.ExecutionMonitor_foundTooltip);
		GridDataFactory.swtDefaults().hint(64, 48).applyTo(foundImage);
		matchText = new Label(match, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(matchText);

		Label h = new Label(parent, SWT.NONE);
		h.setText(Messages.ExecutionMonitor_pastRuns);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(h);
		history = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
		history.getTable().setHeaderVisible(true);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(history.getControl());
		column(Messages.ExecutionMonitor_started, 110, r -> TIME.format(r.started()));
		column(Messages.ExecutionMonitor_configuration, 160, r -> withWorkflow(Path.of(r.config()).getFileName(), r.workflow()));
		column(Messages.ExecutionMonitor_duration, 70, r -> RunTracker.format(Duration.ofMillis(r.durationMs())));
		column(Messages.ExecutionMonitor_result, 80, r -> resultLabel(r.result()));
		column(Messages.ExecutionMonitor_actions, 80, r -> NLS.bind(Messages.ExecutionMonitor_actionCounts, r.passed(), r.failed()));
		history.setContentProvider(ArrayContentProvider.getInstance());
		history.addDoubleClickListener(e -> openReport());
		getViewSite().getActionBars().getToolBarManager().add(new Action(Messages.ExecutionMonitor_openReport, QontinuiUiPlugin.imageDescriptor("html_report")) { //$NON-NLS-1$
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
			status.setText(Messages.ExecutionMonitor_noRun);
			where.setText(Messages.ExecutionMonitor_noRunHint);
			return;
		}
		status.setText(NLS.bind(Messages.ExecutionMonitor_status, statusLabel(r.status()),
				withWorkflow(r.config().getFileName(), r.workflow())));
		elapsed.setText(RunTracker.format(r.elapsed()));
		String at = NLS.bind(Messages.ExecutionMonitor_where, new Object[] {
				r.activeStates().isEmpty() ? "-" : String.join(", ", r.activeStates()), //$NON-NLS-1$//$NON-NLS-2$
				orDash(r.currentTransition()), orDash(r.currentWorkflow()), orDash(r.currentAction()) });
		where.setText(r.failure() != null ? NLS.bind(Messages.ExecutionMonitor_whereWithFailure, at, r.failure()) : at);
		int done = r.actionsPassed() + r.actionsFailed();
		int total = Math.max(done, totalActions(r));
		progress.setMaximum(Math.max(total, 1));
		progress.setSelection(r.status().isFinal() && r.status() == RunRecord.Status.PASSED ? Math.max(total, 1) : done);
		counts.setText(total > 0
				? NLS.bind(Messages.ExecutionMonitor_countsOfTotal,
						new Object[] { r.actionsPassed(), r.actionsFailed(), done, total })
				: NLS.bind(Messages.ExecutionMonitor_counts, r.actionsPassed(), r.actionsFailed()));
		MatchEvent m = r.lastMatch();
		if (m != null) {
			ConfigNode c = OpenConfigurations.getDefault().find(r.config());
			Image template = c == null ? null : thumbnails.get(c, m.imageId(), 48);
			matchImage.setImage(template);
			showFound(m.regionPng());
			String loc = m.location() == null ? "-" : "(" + m.location().x() + ", " + m.location().y() + ")"; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
			matchText.setText(NLS.bind(m.found() ? Messages.ExecutionMonitor_found : Messages.ExecutionMonitor_notFound,
					new Object[] { m.imageId(), String.format("%.3f", m.score()), String.format("%.3f", m.threshold()), //$NON-NLS-1$//$NON-NLS-2$
							loc, String.format("%.0f", m.durationMs()) })); //$NON-NLS-1$
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
					"passed".equals(past.result()), null, past.durationMs() / 1000.0); //$NON-NLS-1$
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

	/** "config.json / workflow", or the file alone. */
	private static String withWorkflow(Object config, String workflow) {
		return workflow == null || workflow.isBlank() ? String.valueOf(config)
				: NLS.bind(Messages.ExecutionMonitor_configWithWorkflow, config, workflow);
	}

	static String statusLabel(RunRecord.Status status) {
		return switch (status) {
		case STARTING -> Messages.ExecutionMonitor_starting;
		case RUNNING -> Messages.ExecutionMonitor_running;
		case SUSPENDED -> Messages.ExecutionMonitor_suspended;
		case PASSED -> Messages.ExecutionMonitor_passed;
		case FAILED -> Messages.ExecutionMonitor_failed;
		case CRASHED -> Messages.ExecutionMonitor_crashed;
		case TERMINATED -> Messages.ExecutionMonitor_terminated;
		default -> status.name(); // a status newer than this view
		};
	}

	/** A past run's result (a status name, lower case) as the status line says it. */
	private static String resultLabel(String result) {
		for (RunRecord.Status s : RunRecord.Status.values()) {
			if (s.name().equalsIgnoreCase(result)) {
				return statusLabel(s);
			}
		}
		return result;
	}

	private static String orDash(String s) {
		return s == null || s.isBlank() ? "-" : s; //$NON-NLS-1$
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
