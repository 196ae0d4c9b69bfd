/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.diagram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointListener;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.part.IShowInSource;
import org.eclipse.ui.part.IShowInTarget;
import org.eclipse.ui.part.IShowInTargetList;
import org.eclipse.ui.part.ShowInContext;
import org.eclipse.ui.part.ViewPart;
import org.qontinui.runner.debug.QontinuiDebugCore;
import org.qontinui.runner.debug.breakpoints.StateBreakpoint;
import org.qontinui.runner.runs.RunEvent;
import org.qontinui.runner.runs.RunRecord;
import org.qontinui.runner.ui.DebugContextFollower;
import org.qontinui.runner.ui.OpenConfigurations;
import org.qontinui.runner.ui.QontinuiPerspective;
import org.qontinui.runner.ui.RunTracker;
import org.qontinui.runner.ui.ShowInPart;
import org.qontinui.runner.ui.internal.QontinuiUiPlugin;
import org.qontinui.runner.ui.breakpoints.BreakpointToggler;
import org.qontinui.runner.ui.launching.QontinuiLaunches;
import org.qontinui.runner.ui.model.ConfigElementNode;
import org.qontinui.runner.ui.model.ConfigElementNode.Kind;
import org.qontinui.runner.ui.model.ConfigNode;

/**
 * The states of a configuration as a graph laid out by ELK, and, while it runs, where the run is:
 * active states lit, the running transition animated, the trail of states numbered.
 * <p>
 * It talks to the other views only through the workbench: the selected state is this part's
 * selection (a {@link ConfigElementNode}), it follows the Config Explorer's selection through the
 * selection service, and it takes and gives elements through Show In.
 */
public class StateDiagramView extends ViewPart implements OpenConfigurations.Listener, RunTracker.Listener,
		IBreakpointListener, IShowInTarget, IShowInSource, IShowInTargetList {

	public static final String ID = QontinuiPerspective.STATE_DIAGRAM;
	private static final int ANIMATION_MS = 80;

	private StateDiagramCanvas canvas;
	private volatile ConfigNode shown;
	private volatile RunRecord run;
	private Job layoutJob;
	private DebugContextFollower follower;
	private long lastLayoutMillis = -1;
	private final StateSelectionProvider selection = new StateSelectionProvider();
	private final ISelectionListener explorerSelection = this::explorerSelectionChanged;

	@Override
	public void createPartControl(Composite parent) {
		parent.setLayout(new FillLayout());
		DiagramLayout.warmUp();
		canvas = new StateDiagramCanvas(parent);
		canvas.addSelectionListener(state -> selection.setSelection(selectionOf(state)));
		getSite().setSelectionProvider(selection);
		getSite().getPage().addSelectionListener(QontinuiPerspective.CONFIG_EXPLORER, explorerSelection);
		canvas.addListener(SWT.MouseDoubleClick, e -> {
			String state = canvas.selectedState();
			if (state != null && shown != null) {
				toggleBreakpoint(state);
			}
		});
		createActions();
		OpenConfigurations.getDefault().addListener(this);
		DebugPlugin.getDefault().getBreakpointManager().addBreakpointListener(this);
		RunTracker.getDefault().addListener(this);
		run = RunTracker.getDefault().current();
		// A suspended run's frame: the state it is in (or the transition's source state) is selected.
		follower = new DebugContextFollower(getSite().getWorkbenchWindow(), (config, node) -> {
			if (node.kind() == Kind.STATE && config == shown) {
				canvas.select(node.elementId());
			}
		});
		List<ConfigNode> open = OpenConfigurations.getDefault().all();
		if (!open.isEmpty()) {
			show(open.get(open.size() - 1));
		}
		parent.getDisplay().timerExec(ANIMATION_MS, this::tick);
	}

	private void tick() {
		if (canvas.isDisposed()) {
			return;
		}
		RunRecord r = run;
		if (r != null && !r.status().isFinal()) {
			canvas.animate();
		}
		canvas.getDisplay().timerExec(ANIMATION_MS, this::tick);
	}

	public StateDiagramCanvas canvas() {
		return canvas;
	}

	public ConfigNode shown() {
		return shown;
	}

	/** How long the last layout took, in milliseconds (-1 before the first). */
	public long lastLayoutMillis() {
		return lastLayoutMillis;
	}

	/** Lays out and shows a configuration; the layout runs in a Job. */
	public void show(ConfigNode config) {
		if (config == null || config.config() == null) {
			return;
		}
		if (shown == config && layoutJob != null) {
			return;
		}
		shown = config;
		setContentDescription(config.name());
		if (layoutJob != null) {
			layoutJob.cancel();
		}
		layoutJob = Job.create(NLS.bind(Messages.StateDiagram_layingOut, config.config().getStates().size()), monitor -> {
			long start = System.nanoTime();
			DiagramModel model = DiagramLayout.layout(config.config());
			long millis = (System.nanoTime() - start) / 1_000_000;
			canvas.getDisplay().asyncExec(() -> {
				if (!canvas.isDisposed() && shown == config) {
					lastLayoutMillis = millis;
					canvas.setModel(config, model);
					refreshBreakpoints();
					refreshRunState();
				}
			});
			return Status.OK_STATUS;
		});
		layoutJob.schedule();
	}

	/** The layout job of the shown configuration, for callers that wait for it. */
	public Job layoutJob() {
		return layoutJob;
	}

	public void select(String stateId) {
		canvas.select(stateId);
	}

	/** The explorer's node of a state of the shown configuration, as this part's selection. */
	private ISelection selectionOf(String stateId) {
		ConfigNode config = shown;
		ConfigElementNode node = stateId == null || config == null ? null : config.tree().find(Kind.STATE, stateId);
		return node == null ? StructuredSelection.EMPTY : new StructuredSelection(node);
	}

	/** Selecting a configuration or one of its elements in the explorer shows it here. */
	private void explorerSelectionChanged(IWorkbenchPart part, ISelection selected) {
		if (selected instanceof IStructuredSelection s && !s.isEmpty() && !canvas.isDisposed()) {
			showElement(s.getFirstElement());
		}
	}

	/** Shows the configuration of an explorer element and, for a state, selects it. */
	private boolean showElement(Object element) {
		ConfigNode config = element instanceof ConfigNode c ? c
				: element instanceof ConfigElementNode n ? n.root() : null;
		if (config == null) {
			return false;
		}
		show(config);
		if (element instanceof ConfigElementNode n && n.kind() == Kind.STATE) {
			canvas.select(n.elementId());
		}
		return true;
	}

	@Override
	public boolean show(ShowInContext context) {
		if (context.getSelection() instanceof IStructuredSelection s && !s.isEmpty()) {
			return showElement(s.getFirstElement());
		}
		return showElement(context.getInput());
	}

	@Override
	public ShowInContext getShowInContext() {
		return new ShowInContext(shown, selectionOf(canvas.selectedState()));
	}

	@Override
	public String[] getShowInTargetIds() {
		return new String[] { QontinuiPerspective.CONFIG_EXPLORER };
	}

	private void selectInExplorer(String stateId) {
		ShowInPart.show(getSite().getPage(), QontinuiPerspective.CONFIG_EXPLORER,
				new ShowInContext(shown, selectionOf(stateId)), true, true);
	}

	private void toggleBreakpoint(String stateId) {
		ConfigElementNode node = shown.tree().find(Kind.STATE, stateId);
		if (node != null) {
			BreakpointToggler.toggle(node, getSite().getShell());
		}
	}

	private void createActions() {
		IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
		toolbar.add(toolbarAction(Messages.StateDiagram_zoomIn, "zoom_in", () -> canvas.zoomBy(1.25))); //$NON-NLS-1$
		toolbar.add(toolbarAction(Messages.StateDiagram_zoomOut, "zoom_out", () -> canvas.zoomBy(0.8))); //$NON-NLS-1$
		toolbar.add(toolbarAction(Messages.StateDiagram_fit, "zoom_fit", canvas::fit)); //$NON-NLS-1$
		getViewSite().getActionBars().getMenuManager().add(new Action(Messages.StateDiagram_exportPng) {
			@Override
			public void run() {
				String file = ask("*.png"); //$NON-NLS-1$
				if (file != null) {
					exportPng(Path.of(file));
				}
			}
		});
		getViewSite().getActionBars().getMenuManager().add(new Action(Messages.StateDiagram_exportSvg) {
			@Override
			public void run() {
				String file = ask("*.svg"); //$NON-NLS-1$
				if (file != null) {
					exportSvg(Path.of(file));
				}
			}
		});
		MenuManager menu = new MenuManager();
		menu.setRemoveAllWhenShown(true);
		menu.addMenuListener(m -> {
			String state = canvas.selectedState();
			if (state == null || shown == null) {
				return;
			}
			m.add(new Action(Messages.StateDiagram_toggleBreakpoint) {
				@Override
				public void run() {
					toggleBreakpoint(state);
				}
			});
			m.add(new Action(Messages.StateDiagram_goToState) {
				@Override
				public void run() {
					try {
						QontinuiLaunches.goToStates(shown.path(), List.of(state), ILaunchManager.RUN_MODE);
					} catch (CoreException e) {
						QontinuiUiPlugin.log("Cannot start navigation", e); //$NON-NLS-1$
					}
				}
			});
			m.add(new Action(Messages.StateDiagram_showInExplorer) {
				@Override
				public void run() {
					selectInExplorer(state);
				}
			});
			MenuManager showIn = new MenuManager(Messages.StateDiagram_showIn, "org.eclipse.ui.navigate.showInQuickMenu"); //$NON-NLS-1$
			showIn.add(ContributionItemFactory.VIEWS_SHOW_IN.create(getSite().getWorkbenchWindow()));
			m.add(new Separator());
			m.add(showIn);
		});
		canvas.setMenu(menu.createContextMenu(canvas));
	}

	/** A toolbar button: the icon shows, the label is its tooltip. */
	private static Action toolbarAction(String label, String icon, Runnable run) {
		Action action = new Action(label, QontinuiUiPlugin.imageDescriptor(icon)) {
			@Override
			public void run() {
				run.run();
			}
		};
		action.setToolTipText(label);
		return action;
	}

	private String ask(String extension) {
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
		dialog.setFilterExtensions(new String[] { extension });
		dialog.setOverwrite(true);
		return dialog.open();
	}

	public void exportPng(Path file) {
		Image image = canvas.renderImage();
		try {
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(file.toString(), SWT.IMAGE_PNG);
		} finally {
			image.dispose();
		}
	}

	public void exportSvg(Path file) {
		try {
			Files.writeString(file, DiagramSvg.toSvg(canvas.model(), canvas.activeStates(), canvas.seenStates()), StandardCharsets.UTF_8);
		} catch (IOException e) {
			MessageDialog.openError(getSite().getShell(), Messages.StateDiagram_exportTitle,
					NLS.bind(Messages.StateDiagram_cannotWrite, file, e.getMessage()));
		}
	}

	// --- configurations -----------------------------------------------------------------------------

	@Override
	public void configurationsChanged(ConfigNode changed) {
		canvas.getDisplay().asyncExec(() -> {
			if (canvas.isDisposed()) {
				return;
			}
			boolean open = OpenConfigurations.getDefault().all().contains(changed);
			ConfigNode current = shown;
			if (open && (current == null || current.path().equals(changed.path()))) {
				show(changed);
			} else if (!open && current != null && current.path().equals(changed.path())) {
				shown = null;
				canvas.setModel(null, DiagramModel.empty());
			}
		});
	}

	// --- live runs ----------------------------------------------------------------------------------

	@Override
	public void runChanged(RunRecord record, RunEvent event) {
		if (event == null || event.kind() == RunEvent.Kind.STATE || event.kind() == RunEvent.Kind.TRANSITION
				|| event.kind() == RunEvent.Kind.RUN) {
			canvas.getDisplay().asyncExec(() -> {
				if (canvas.isDisposed()) {
					return;
				}
				if (run != record) {
					run = record;
					ConfigNode c = OpenConfigurations.getDefault().find(record.config());
					if (c != null && c != shown) {
						show(c);
					}
				}
				refreshRunState();
			});
		}
	}

	private void refreshRunState() {
		RunRecord r = run;
		ConfigNode c = shown;
		if (canvas.isDisposed() || r == null || c == null || !r.config().equals(c.path())) {
			return;
		}
		canvas.setRunState(new HashSet<>(r.activeStates()), r.seenStates(), r.trail(),
				r.status().isFinal() ? null : r.currentTransition());
	}

	// --- breakpoints ---------------------------------------------------------------------------------

	private void refreshBreakpoints() {
		ConfigNode c = shown;
		if (c == null || canvas.isDisposed()) {
			return;
		}
		Set<String> states = new HashSet<>();
		for (IBreakpoint bp : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(QontinuiDebugCore.MODEL_ID)) {
			if (bp instanceof StateBreakpoint sb) {
				ConfigElementNode node = c.tree().find(Kind.STATE, sb.getElementId());
				if (node != null && BreakpointToggler.find(node) == sb) {
					states.add(sb.getElementId());
				}
			}
		}
		canvas.setBreakpoints(states);
	}

	private void breakpointsChanged() {
		if (!canvas.isDisposed()) {
			canvas.getDisplay().asyncExec(() -> {
				if (!canvas.isDisposed()) {
					refreshBreakpoints();
				}
			});
		}
	}

	@Override
	public void breakpointAdded(IBreakpoint breakpoint) {
		breakpointsChanged();
	}

	@Override
	public void breakpointRemoved(IBreakpoint breakpoint, IMarkerDelta delta) {
		breakpointsChanged();
	}

	@Override
	public void breakpointChanged(IBreakpoint breakpoint, IMarkerDelta delta) {
		breakpointsChanged();
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	@Override
	public void dispose() {
		getSite().getPage().removeSelectionListener(QontinuiPerspective.CONFIG_EXPLORER, explorerSelection);
		OpenConfigurations.getDefault().removeListener(this);
		DebugPlugin.getDefault().getBreakpointManager().removeBreakpointListener(this);
		RunTracker.getDefault().removeListener(this);
		follower.dispose();
		super.dispose();
	}
}
