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
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.qontinui.runner.core.secure.SecretMask;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ShowInContext;
import org.eclipse.ui.part.ViewPart;
import org.qontinui.runner.runs.RunEvent;
import org.qontinui.runner.runs.RunRecord;
import org.qontinui.runner.ui.OpenConfigurations;
import org.qontinui.runner.ui.QontinuiPerspective;
import org.qontinui.runner.ui.ShowInPart;
import org.qontinui.runner.ui.RunTracker;
import org.qontinui.runner.ui.internal.QontinuiUiPlugin;
import org.qontinui.runner.ui.model.ConfigElementNode;
import org.qontinui.runner.ui.model.ConfigNode;
import org.qontinui.runner.ui.runs.RunReports;
import org.qontinui.runner.ui.model.ConfigElementNode.Kind;

/**
 * The structured events of the current and past runs: filter by level and kind, search, jump to the
 * element, open a failure's screenshot, export as JSON Lines or text.
 */
public class RunLogView extends ViewPart implements RunTracker.Listener {

	public static final String ID = QontinuiPerspective.RUN_LOG;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault()); //$NON-NLS-1$

	private final RunLogFilter filter = new RunLogFilter();
	private TableViewer table;
	private Combo runCombo;
	private Combo levelCombo;
	private Text searchText;
	private List<RunRecord> runs = List.of();
	private RunRecord shown;
	private boolean refreshScheduled;

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().applyTo(parent);
		Composite bar = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		GridLayoutFactory.swtDefaults().numColumns(10).applyTo(bar);
		runCombo = new Combo(bar, SWT.READ_ONLY);
		GridDataFactory.swtDefaults().hint(220, SWT.DEFAULT).applyTo(runCombo);
		runCombo.addListener(SWT.Selection, e -> {
			int i = runCombo.getSelectionIndex();
			shown = i >= 0 && i < runs.size() ? runs.get(i) : null;
			refreshTable();
		});
		levelCombo = new Combo(bar, SWT.READ_ONLY);
		levelCombo.setItems(Messages.RunLog_levelDebug, Messages.RunLog_levelInfo, Messages.RunLog_levelWarning,
				Messages.RunLog_levelError);
		levelCombo.select(1);
		levelCombo.addListener(SWT.Selection, e -> {
			filter.setMinimum(RunEvent.Level.values()[levelCombo.getSelectionIndex()]);
			refreshTable();
		});
		for (RunLogFilter.Shown kind : RunLogFilter.Shown.values()) {
			Button check = new Button(bar, SWT.CHECK);
			check.setText(label(kind));
			check.setSelection(true);
			check.setData(kind);
			check.addListener(SWT.Selection, e -> {
				filter.show(kind, check.getSelection());
				refreshTable();
			});
		}
		Label l = new Label(bar, SWT.NONE);
		l.setText(Messages.RunLog_search);
		searchText = new Text(bar, SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(searchText);
		searchText.addModifyListener(e -> {
			filter.setSearch(searchText.getText());
			refreshTable();
		});

		table = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.VIRTUAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table.getControl());
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		column(Messages.RunLog_time, 95, e -> TIME.format(e.time()), null);
		column(Messages.RunLog_level, 70, e -> e.level().name().toLowerCase(Locale.ROOT), e -> QontinuiUiPlugin.image(switch (e.level()) {
		case ERROR -> "error"; //$NON-NLS-1$
		case WARNING -> "warning"; //$NON-NLS-1$
		default -> "info"; //$NON-NLS-1$
		}));
		column(Messages.RunLog_kind, 80, e -> e.kind().name().toLowerCase(Locale.ROOT), null);
		column(Messages.RunLog_score, 110, e -> Double.isNaN(e.score()) ? "" : String.format("%.3f / %.3f", e.score(), e.threshold()), null); //$NON-NLS-1$//$NON-NLS-2$
		column(Messages.RunLog_message, 700, e -> e.screenshot() != null
				? NLS.bind(Messages.RunLog_withScreenshot, SecretMask.mask(e.message()))
				: SecretMask.mask(e.message()), null);
		table.setContentProvider(ArrayContentProvider.getInstance());
		table.addDoubleClickListener(e -> open((RunEvent) table.getStructuredSelection().getFirstElement()));

		getViewSite().getActionBars().getToolBarManager().add(new Action(Messages.RunLog_exportJsonLines, QontinuiUiPlugin.imageDescriptor("export_jsonl")) { //$NON-NLS-1$
			@Override
			public void run() {
				export(true);
			}
		});
		getViewSite().getActionBars().getToolBarManager().add(new Action(Messages.RunLog_exportText, QontinuiUiPlugin.imageDescriptor("export_text")) { //$NON-NLS-1$
			@Override
			public void run() {
				export(false);
			}
		});
		getViewSite().getActionBars().getToolBarManager().add(new Action(Messages.RunLog_openReport, QontinuiUiPlugin.imageDescriptor("html_report")) { //$NON-NLS-1$
			@Override
			public void run() {
				openReport();
			}
		});
		RunTracker.getDefault().addListener(this);
		refreshRuns();
	}

	/** The check box of a kind of entries. */
	private static String label(RunLogFilter.Shown kind) {
		return switch (kind) {
		case STATE -> Messages.RunLog_kindState;
		case ACTION -> Messages.RunLog_kindAction;
		case MATCH -> Messages.RunLog_kindMatch;
		case ERROR -> Messages.RunLog_kindError;
		case OTHER -> Messages.RunLog_kindOther;
		};
	}

	private void column(String title, int width, Function<RunEvent, String> text,
			Function<RunEvent, Image> image) {
		TableViewerColumn c = new TableViewerColumn(table, SWT.NONE);
		c.getColumn().setText(title);
		c.getColumn().setWidth(width);
		c.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((RunEvent) element);
			}

			@Override
			public Image getImage(Object element) {
				return image == null ? null : image.apply((RunEvent) element);
			}
		});
	}

	/** The shown run's HTML report (timeline, failures with their screenshots), from its run folder. */
	void openReport() {
		RunRecord r = shown;
		if (r != null) {
			RunReports.open(getSite().getShell(), r.runDirectory(), r.config(), r.workflow(),
					r.status() == RunRecord.Status.PASSED, r.failure(), r.elapsed().toMillis() / 1000.0);
		}
	}

	@Override
	public void runChanged(RunRecord record, RunEvent event) {
		synchronized (this) {
			if (refreshScheduled) {
				return;
			}
			refreshScheduled = true;
		}
		table.getControl().getDisplay().asyncExec(() -> {
			synchronized (this) {
				refreshScheduled = false;
			}
			refreshRuns();
		});
	}

	private void refreshRuns() {
		if (table.getControl().isDisposed()) {
			return;
		}
		List<RunRecord> all = RunTracker.getDefault().runs();
		if (all.size() != runs.size()) {
			runs = all;
			List<String> items = new ArrayList<>();
			for (RunRecord r : runs) {
				items.add(TIME.format(r.started()) + "  " + r.config().getFileName()); //$NON-NLS-1$
			}
			runCombo.setItems(items.toArray(String[]::new));
			shown = runs.isEmpty() ? null : runs.get(runs.size() - 1);
			runCombo.select(runs.size() - 1);
		}
		refreshTable();
	}

	private void refreshTable() {
		table.setInput(shown == null ? List.of() : filter.apply(shown.events()));
		table.getTable().setTopIndex(Math.max(0, table.getTable().getItemCount() - 1));
	}

	/** The entries shown now, for tests and export. */
	public List<RunEvent> visibleEvents() {
		return shown == null ? List.of() : filter.apply(shown.events());
	}

	public RunLogFilter filter() {
		return filter;
	}

	/** Re-applies the filter after it was changed programmatically. */
	public void applyFilter() {
		refreshTable();
	}

	private void export(boolean jsonLines) {
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
		dialog.setFilterExtensions(new String[] { jsonLines ? "*.jsonl" : "*.txt" }); //$NON-NLS-1$//$NON-NLS-2$
		dialog.setOverwrite(true);
		String file = dialog.open();
		if (file != null) {
			try {
				export(Path.of(file), jsonLines);
			} catch (IOException e) {
				MessageDialog.openError(getSite().getShell(), Messages.RunLog_exportTitle,
						NLS.bind(Messages.RunLog_cannotWrite, file, e.getMessage()));
			}
		}
	}

	/** Writes the visible entries, secrets masked. */
	public void export(Path file, boolean jsonLines) throws IOException {
		List<RunEvent> masked = visibleEvents().stream()
				.map(e -> new RunEvent(e.time(), e.kind(), e.level(), SecretMask.mask(e.message()), e.elementId(), e.score(),
						e.threshold(), e.screenshot()))
				.toList();
		if (jsonLines) {
			RunRecord.writeJsonLines(masked, file);
		} else {
			RunRecord.writeText(masked, file);
		}
	}

	private void open(RunEvent e) {
		if (e == null) {
			return;
		}
		if (e.screenshot() != null) {
			new ScreenshotDialog(getSite().getShell(), e.screenshot()).open();
			return;
		}
		if (e.elementId() != null && shown != null) {
			ConfigNode config = OpenConfigurations.getDefault().find(shown.config());
			if (config != null) {
				for (Kind kind : new Kind[] { Kind.ACTION, Kind.STATE, Kind.TRANSITION, Kind.WORKFLOW, Kind.IMAGE }) {
					ConfigElementNode node = config.tree().find(kind, e.elementId());
					if (node != null) {
						ShowInPart.show(getSite().getPage(), QontinuiPerspective.CONFIG_EXPLORER,
								new ShowInContext(config, new StructuredSelection(node)), false, true);
						return;
					}
				}
			}
		}
	}

	@Override
	public void setFocus() {
		table.getControl().setFocus();
	}

	@Override
	public void dispose() {
		RunTracker.getDefault().removeListener(this);
		super.dispose();
	}

	/** Shows a saved screenshot at full size, scrollable. */
	private static final class ScreenshotDialog extends Dialog {
		private final String path;
		private Image image;

		ScreenshotDialog(Shell shell, String path) {
			super(shell);
			this.path = path;
			setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
		}

		@Override
		protected void configureShell(Shell shell) {
			super.configureShell(shell);
			shell.setText(path);
		}

		@Override
		protected Control createDialogArea(Composite parent) {
			Composite area = (Composite) super.createDialogArea(parent);
			ScrolledComposite scroll = new ScrolledComposite(area, SWT.H_SCROLL | SWT.V_SCROLL);
			GridDataFactory.fillDefaults().grab(true, true).hint(900, 600).applyTo(scroll);
			Label label = new Label(scroll, SWT.NONE);
			try {
				image = new Image(parent.getDisplay(), path);
				label.setImage(image);
			} catch (RuntimeException e) {
				label.setText(NLS.bind(Messages.RunLog_cannotOpenScreenshot, path, e.getMessage()));
			}
			label.pack();
			scroll.setContent(label);
			return area;
		}

		@Override
		public boolean close() {
			if (image != null) {
				image.dispose();
			}
			return super.close();
		}
	}
}
