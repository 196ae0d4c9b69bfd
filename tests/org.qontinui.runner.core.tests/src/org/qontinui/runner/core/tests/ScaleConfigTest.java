/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qontinui.runner.core.load.ConfigLoader;
import org.qontinui.runner.core.load.LoadedConfig;

/** The generated large configuration is what the benchmark claims (sizes) and is clean. No timing here. */
public class ScaleConfigTest {

	@Test
	void generatedConfigurationHasTheAdvertisedSizeAndNoDiagnostics() {
		LoadedConfig loaded = new ConfigLoader().loadText(ScaleConfigGenerator.generateDefault(), "scale");
		assertEquals(List.of(), loaded.diagnostics());
		assertEquals(1000, loaded.config().getStates().size());
		assertEquals(3000, loaded.config().getTransitions().size());
		assertEquals(10000, loaded.config().getWorkflows().stream().mapToInt(w -> w.getActions().size()).sum());
	}
}
