/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui;

import java.util.List;

import org.qontinui.runner.core.load.ConfigDocument;
import org.qontinui.runner.core.validation.ActionTypeRegistry;
import org.qontinui.runner.core.validation.ConfigValidator;
import org.qontinui.runner.core.validation.Diagnostic;

/** Runs the core validator over a document that was read (nothing to check when it did not parse). */
final class ConfigChecks {

	private ConfigChecks() {
	}

	static List<Diagnostic> validate(ConfigDocument document) {
		if (document.config() == null) {
			return List.of();
		}
		return new ConfigValidator(ActionTypeRegistry.getDefault()).validate(document.config(), document.sourceMap());
	}
}
