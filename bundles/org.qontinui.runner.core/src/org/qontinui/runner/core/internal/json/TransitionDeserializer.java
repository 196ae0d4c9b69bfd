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

import java.io.IOException;

import org.qontinui.runner.core.config.IncomingTransition;
import org.qontinui.runner.core.config.OutgoingTransition;
import org.qontinui.runner.core.config.Transition;
import org.qontinui.runner.core.config.TransitionKind;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Picks the transition class from any spelling of {@code type}, else from {@code fromState}.
 * Registered for {@link Transition} only, so its subclasses are read as plain beans.
 */
final class TransitionDeserializer extends StdDeserializer<Transition> {

	private static final long serialVersionUID = 1L;

	TransitionDeserializer() {
		super(Transition.class);
	}

	@Override
	public Transition deserialize(JsonParser parser, DeserializationContext context) throws IOException {
		Object outerPrefix = context.getAttribute(ConfigJsonMapper.POINTER_PREFIX);
		String prefix = (outerPrefix == null ? "" : outerPrefix) + parser.getParsingContext().pathAsPointer().toString(); //$NON-NLS-1$
		JsonNode node = context.readTree(parser);
		if (!node.isObject()) {
			return context.reportInputMismatch(Transition.class, Messages.TransitionDeserializer_notAnObject);
		}
		TransitionKind kind = TransitionKind.fromType(node.path("type").asText(null)); //$NON-NLS-1$
		if (kind == null) {
			kind = node.path("fromState").isTextual() || node.path("from_state").isTextual() || node.path("from").isTextual() //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
					? TransitionKind.OUTGOING : TransitionKind.INCOMING;
		}
		Class<? extends Transition> type = kind == TransitionKind.OUTGOING ? OutgoingTransition.class
				: IncomingTransition.class;
		// The nested reader starts a new path; keep problem pointers absolute.
		context.setAttribute(ConfigJsonMapper.POINTER_PREFIX, prefix);
		try {
			return context.readTreeAsValue(node, type);
		} finally {
			context.setAttribute(ConfigJsonMapper.POINTER_PREFIX, outerPrefix);
		}
	}
}
