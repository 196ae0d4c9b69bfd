/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.internal.json;

/** Receives a problem found while reading: a rule code of the vocabulary, a JSON pointer, a message. */
@FunctionalInterface
public interface Reporter {

	void report(String code, String pointer, String message);
}
