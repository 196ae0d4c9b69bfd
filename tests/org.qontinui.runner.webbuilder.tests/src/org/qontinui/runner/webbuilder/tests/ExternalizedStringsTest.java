/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.webbuilder.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.qontinui.runner.testing.ExternalizedStrings;

/** The web builder bundle's Messages classes match their messages.properties ({@link ExternalizedStrings}). */
class ExternalizedStringsTest {

	@Test
	void everyMessagesClassMatchesItsProperties() throws Exception {
		Bundle bundle = Platform.getBundle("org.qontinui.runner.webbuilder");
		assertEquals(List.of("org.qontinui.runner.webbuilder", "org.qontinui.runner.webbuilder.internal"),
				List.copyOf(ExternalizedStrings.packages(bundle).keySet()));
		assertEquals(List.of(), ExternalizedStrings.problems(bundle));
	}
}
