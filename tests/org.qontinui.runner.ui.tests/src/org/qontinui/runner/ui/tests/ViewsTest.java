/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qontinui.runner.runs.RunEvent;
import org.qontinui.runner.testing.UiThread;
import org.qontinui.runner.ui.OpenConfigurations;
import org.qontinui.runner.ui.QontinuiPerspective;
import org.qontinui.runner.ui.diagram.DiagramModel;
import org.qontinui.runner.ui.diagram.StateDiagramCanvas;
import org.qontinui.runner.ui.diagram.StateDiagramView;
import org.qontinui.runner.ui.model.ConfigElementNode;
import org.qontinui.runner.ui.views.ConfigExplorerView;
import org.qontinui.runner.ui.model.ConfigNode;
import org.qontinui.runner.ui.views.ExecutionMonitorView;
import org.qontinui.runner.ui.views.RunLogFilter;
import org.qontinui.runner.ui.views.RunLogView;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Qontinui views driven through SWT in a real workbench, on the bundled demo. */
class ViewsTest {

	private static IProject project;
	private static IFile demo;

	@BeforeAll
	static void openDemo() throws Exception {
		project = DebugWorkspace.demoProject("views-demo");
		demo = project.getFile("demo.json");
		UiThread.run(() -> {
			IWorkbenchPage page = page();
			page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(QontinuiPerspective.ID));
			page.showView(QontinuiPerspective.CONFIG_EXPLORER);
			page.showView(QontinuiPerspective.STATE_DIAGRAM);
		});
		OpenConfigurations.getDefault().open(demo.getLocation().toPath()).join();
		UiThread.waitUntil("demo in the explorer", Duration.ofSeconds(30), () -> rootItem() != null);
	}

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	/** Shows the demo in the diagram (other tests may have shown another configuration) and waits for it. */
	private static void showDemoInDiagram() {
		UiThread.run(() -> diagram().show(OpenConfigurations.getDefault().find(demo.getLocation().toPath())));
		UiThread.waitUntil("the demo laid out", Duration.ofSeconds(30),
				() -> diagram().canvas().model().nodes().containsKey("state-login"));
	}

	/** The explorer, brought to the top of its stack: GTK does not expand items of a hidden tree. */
	private static ConfigExplorerView explorer() {
		ConfigExplorerView view = (ConfigExplorerView) page().findView(ConfigExplorerView.ID);
		page().bringToTop(view);
		return view;
	}

	private static StateDiagramView diagram() {
		return (StateDiagramView) page().findView(StateDiagramView.ID);
	}

	private static TreeItem rootItem() {
		for (TreeItem item : explorer().viewer().getTree().getItems()) {
			if (item.getText().contains("(demo.json)")) {
				return item;
			}
		}
		return null;
	}

	/** The labels the explorer shows for an element's children (its providers, as the tree renders them). */
	private static List<String> shownChildren(Object element) {
		var viewer = explorer().viewer();
		var content = (ITreeContentProvider) viewer.getContentProvider();
		var labels = (ColumnLabelProvider) viewer.getLabelProvider(0);
		List<String> list = new ArrayList<>();
		for (Object child : content.getChildren(element)) {
			list.add(labels.getText(child));
		}
		return list;
	}

	private static Object childNamed(Object element, String prefix) {
		var viewer = explorer().viewer();
		var content = (ITreeContentProvider) viewer.getContentProvider();
		var labels = (ColumnLabelProvider) viewer.getLabelProvider(0);
		for (Object child : content.getChildren(element)) {
			if (labels.getText(child).startsWith(prefix)) {
				return child;
			}
		}
		throw new AssertionError("no '" + prefix + "' in " + shownChildren(element));
	}

	@Test
	void explorerShowsTheConfigurationAsATree() {
		UiThread.run(() -> {
			TreeItem root = rootItem();
			assertNotNull(root, "the demo is a top-level item of the explorer's tree");
			Object config = root.getData();
			assertEquals(List.of("Metadata: Qontinui bridge demo, version 2.0.0", "States (3)", "Transitions (2)",
					"Workflows (3)", "Images (7)"), shownChildren(config));
			List<String> states = shownChildren(childNamed(config, "States"));
			assertEquals(3, states.size());
			assertTrue(states.get(0).startsWith("Login  [state-login]") && states.get(0).endsWith("(initial)"), states.toString());
			List<String> actions = shownChildren(childNamed(childNamed(config, "Workflows"), "Log in"));
			assertEquals(6, actions.size(), actions.toString());
			assertTrue(actions.get(0).startsWith("CLICK"), actions.toString());
			var labels = (ColumnLabelProvider) explorer().viewer().getLabelProvider(0);
			var login = childNamed(childNamed(config, "States"), "Login");
			assertNotNull(labels.getImage(login), "states show a thumbnail");
			assertTrue(labels.getImage(login).getBounds().height <= 16, "thumbnails fit a tree row");
		});
	}

	@Test
	void selectingInTheExplorerSelectsInTheDiagramAndBack() {
		showDemoInDiagram();
		UiThread.run(() -> {
			ConfigNode config = diagram().shown();
			ConfigElementNode dashboard = config.tree().find(ConfigElementNode.Kind.STATE, "state-dashboard");
			explorer().select(config, ConfigElementNode.Kind.STATE, "state-dashboard");
			assertEquals(dashboard, explorer().viewer().getStructuredSelection().getFirstElement());
			assertEquals("state-dashboard", diagram().canvas().selectedState());

			// a click on the Settings box in the diagram selects Settings in the explorer
			var canvas = diagram().canvas();
			canvas.fit();
			DiagramModel.Node settings = canvas.model().nodes().get("state-settings");
			Point p = toScreen(canvas, settings.x() + settings.width() / 2, settings.y() + settings.height() / 2);
			click(canvas, p);
			ConfigElementNode selected = (ConfigElementNode) explorer().viewer().getStructuredSelection().getFirstElement();
			assertEquals("state-settings", selected.elementId());
		});
	}

	private record Point(int x, int y) {
	}

	/** Diagram units to canvas pixels, the same mapping the canvas paints with. */
	private static Point toScreen(StateDiagramCanvas canvas, double x, double y) {
		double zoom = canvas.zoom();
		double originX = -10 / zoom;
		double originY = -10 / zoom;
		return new Point((int) Math.round((x - originX) * zoom), (int) Math.round((y - originY) * zoom));
	}

	private static void click(Control control, Point p) {
		for (int type : new int[] { SWT.MouseDown, SWT.MouseUp }) {
			Event e = new Event();
			e.button = 1;
			e.x = p.x();
			e.y = p.y();
			control.notifyListeners(type, e);
		}
	}

	@Test
	void exportsTheDiagramAsPngAndSvg(@TempDir Path dir) throws Exception {
		showDemoInDiagram();
		Path png = dir.resolve("diagram.png");
		Path svg = dir.resolve("diagram.svg");
		UiThread.run(() -> {
			diagram().exportPng(png);
			diagram().exportSvg(svg);
		});
		byte[] head = Files.readAllBytes(png);
		assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G');
		String text = Files.readString(svg);
		assertTrue(text.contains("data-id=\"state-login\"") && text.contains("data-id=\"t-settings\""), text);
	}

	@Test
	void runLogFiltersAndExportsAndTheMonitorShowsTheResult(@TempDir Path dir) throws Exception {
		UiThread.run(() -> {
			page().showView(QontinuiPerspective.RUN_LOG);
			page().showView(QontinuiPerspective.EXECUTION_MONITOR);
		});
		// Replayed screenshots: finds see a real screen, so the monitor can show what matched.
		ILaunch launch = DebugWorkspace.launch(demo, ILaunchManager.RUN_MODE, "screenshots", List.of());
		DebugWorkspace.waitFor("the run to end", launch::isTerminated);
		RunLogView log = UiThread.get(() -> (RunLogView) page().findView(RunLogView.ID));
		UiThread.waitUntil("the run in the log", Duration.ofSeconds(20),
				() -> log.visibleEvents().stream().anyMatch(e -> e.message().startsWith("Run passed")));

		UiThread.run(() -> {
			RunLogFilter filter = log.filter();
			for (RunLogFilter.Shown kind : RunLogFilter.Shown.values()) {
				filter.show(kind, kind == RunLogFilter.Shown.STATE);
			}
			filter.setSearch("Dashboard [state-dashboard]");
			log.applyFilter();
		});
		List<RunEvent> shown = UiThread.get(log::visibleEvents);
		assertEquals(2, shown.size(), shown.toString()); // entered, then left
		assertTrue(shown.stream().allMatch(e -> e.kind() == RunEvent.Kind.STATE));

		Path jsonl = dir.resolve("log.jsonl");
		UiThread.run(() -> log.export(jsonl, true));
		List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
		assertEquals(2, lines.size());
		ObjectMapper json = new ObjectMapper();
		for (String line : lines) {
			JsonNode n = json.readTree(line);
			assertEquals("state", n.get("kind").asText());
			assertEquals("state-dashboard", n.get("elementId").asText());
		}
		Path text = dir.resolve("log.txt");
		UiThread.run(() -> {
			log.filter().setSearch("");
			log.applyFilter();
			log.export(text, false);
		});
		assertTrue(Files.readString(text).contains("Entered Login"));

		ExecutionMonitorView monitor = UiThread.get(() -> (ExecutionMonitorView) page().findView(ExecutionMonitorView.ID));
		UiThread.waitUntil("the monitor to show the result", Duration.ofSeconds(10),
				() -> monitor.statusText().startsWith("Passed: demo.json"));
		assertTrue(UiThread.get(monitor::showsFoundRegion), "the last match's screen area beside its template");
	}

	/** Two open files that read the same (the demo and a copy of it) are told apart by where they are. */
	@Test
	void sameNamedConfigurationsSayWhereTheyAre() throws Exception {
		IFile copy = DebugWorkspace.demoProject("views-demo-copy").getFile("demo.json");
		OpenConfigurations.getDefault().open(copy.getLocation().toPath()).join();
		UiThread.run(() -> {
			var labels = (ColumnLabelProvider) explorer().viewer().getLabelProvider(0);
			String original = labels.getText(OpenConfigurations.getDefault().find(demo.getLocation().toPath()));
			String second = labels.getText(OpenConfigurations.getDefault().find(copy.getLocation().toPath()));
			assertTrue(original.endsWith("views-demo"), original);
			assertTrue(second.endsWith("views-demo-copy"), second);
		});
		OpenConfigurations.getDefault().close(OpenConfigurations.getDefault().find(copy.getLocation().toPath()));
	}

	/** Columns count code points; the editor's offsets UTF-16 units: an emoji before an element is one column. */
	@Test
	void openingAnElementInTheEditorSelectsItAfterAstralCharacters() throws Exception {
		String text = "{\"version\": \"2.0.0\", \"metadata\": {\"name\": \"\uD83D\uDE80\uD83D\uDE80 rockets\"}, \"images\": [],\n"
				+ "\"transitions\": [], \"workflows\": [], \"states\": [{\"name\": \"\uD83E\uDD84\", \"id\": \"s-a\"}, "
				+ "{\"id\": \"s-b\", \"name\": \"B\"}]}\n";
		IFile file = project.getFile("astral.json");
		file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		OpenConfigurations.getDefault().open(file.getLocation().toPath()).join();
		ConfigNode config = OpenConfigurations.getDefault().find(file.getLocation().toPath());
		UiThread.run(() -> {
			ConfigExplorerView.openInEditor(config.tree().find(ConfigElementNode.Kind.STATE, "s-b"));
			ITextEditor editor = (ITextEditor) page().getActiveEditor();
			int offset = ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset();
			assertEquals(text.indexOf("{\"id\": \"s-b\""), offset);
			page().closeEditor(editor, false);
		});
	}

	@Test
	void diagnosticsBecomeProblemMarkersWithLines() throws Exception {
		IFile broken = DebugWorkspace.addFixture(project, "broken.json");
		OpenConfigurations.getDefault().open(broken.getLocation().toPath()).join();
		DebugWorkspace.waitFor("markers", () -> {
			try {
				return broken.findMarkers(OpenConfigurations.MARKER_TYPE, false, IResource.DEPTH_ZERO).length >= 2;
			} catch (CoreException e) {
				return false;
			}
		});
		IMarker[] markers = broken.findMarkers(OpenConfigurations.MARKER_TYPE, false, IResource.DEPTH_ZERO);
		List<String> lines = Files.readAllLines(broken.getLocation().toPath());
		boolean dangling = false;
		boolean unknown = false;
		for (IMarker m : markers) {
			String message = m.getAttribute(IMarker.MESSAGE, "");
			int line = m.getAttribute(IMarker.LINE_NUMBER, -1);
			if (message.contains("nowhere")) {
				dangling = m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR && lines.get(line - 1).contains("nowhere");
			}
			if (message.contains("TELEPORT")) {
				unknown = lines.get(line - 1).contains("TELEPORT");
			}
		}
		assertTrue(dangling && unknown, () -> Arrays.toString(markers));
		UiThread.run(() -> {
			TreeItem root = null;
			for (TreeItem item : explorer().viewer().getTree().getItems()) {
				if (item.getText().contains("broken.json")) {
					root = item;
				}
			}
			assertNotNull(root);
			assertTrue(root.getText().contains("errors"), root.getText());
		});
	}

	@Test
	void aThousandStatesOpenWithoutFreezingTheUi(@TempDir Path dir) throws Exception {
		Path big = dir.resolve("big.json");
		Files.writeString(big, LargeConfig.generate(1000, 3000, 10));
		var job = OpenConfigurations.getDefault().open(big);
		long worst = 0;
		long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		boolean laidOut = false;
		while (!laidOut && System.nanoTime() < end) {
			long t0 = System.nanoTime();
			UiThread.run(() -> {
			});
			worst = Math.max(worst, (System.nanoTime() - t0) / 1_000_000);
			laidOut = job.getResult() != null && UiThread.get(() -> {
				StateDiagramView d = diagram();
				ConfigNode shown = d.shown();
				if (shown == null || !shown.path().equals(big)) {
					d.show(OpenConfigurations.getDefault().find(big));
					return false;
				}
				return d.canvas().model().nodes().size() == 1000;
			});
			Thread.sleep(20);
		}
		assertTrue(laidOut, "the big configuration was laid out");
		System.out.println("1000 states: UI thread answered within " + worst + " ms at worst; layout took "
				+ UiThread.get(() -> diagram().lastLayoutMillis()) + " ms");
		// Reading, validating and laying out run in Jobs: the UI thread stays responsive meanwhile.
		assertTrue(worst < 2000, "UI thread blocked for " + worst + " ms");
		UiThread.run(() -> assertFalse(rootItemOf(big) == null, "big configuration in the explorer"));
	}

	private static TreeItem rootItemOf(Path path) {
		for (TreeItem item : explorer().viewer().getTree().getItems()) {
			if (item.getText().contains(path.getFileName().toString())) {
				return item;
			}
		}
		return null;
	}
}
