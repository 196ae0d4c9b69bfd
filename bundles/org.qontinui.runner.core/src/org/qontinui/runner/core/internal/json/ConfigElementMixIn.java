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

import java.util.Map;

import org.qontinui.runner.core.config.ConfigElement;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Jackson annotations of {@link ConfigElement}, kept out of the model: the other properties are
 * written after the element's own, in the order they were read.
 */
abstract class ConfigElementMixIn {

	@JsonAnyGetter
	abstract Map<String, JsonNode> getOtherProperties();
}
