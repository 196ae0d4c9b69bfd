/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/** Types of the failure recovery requests and of a failure stop (issue 11, {@code docs/protocol.md}). */
package org.qontinui.runner.bridge.recovery;
