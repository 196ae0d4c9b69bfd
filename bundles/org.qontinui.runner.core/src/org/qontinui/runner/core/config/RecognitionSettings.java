/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.config;

import java.util.Map;

/** {@code settings.recognition}. */
public class RecognitionSettings extends ConfigElement {

	private static final Map<String, String> ALIASES = Map.of("default_threshold", "defaultThreshold", //$NON-NLS-1$//$NON-NLS-2$
			"search_algorithm", "searchAlgorithm", "multi_scale_search", "multiScaleSearch", "ocr_enabled", //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$
			"ocrEnabled"); //$NON-NLS-1$

	private Number defaultThreshold;
	private String searchAlgorithm;
	private Boolean multiScaleSearch;
	private Boolean ocrEnabled;

	@Override
	protected Map<String, String> aliases() {
		return ALIASES;
	}

	/** Similarity 0..1; 0.7 (the library default) when unset. */
	public double getDefaultThreshold() {
		return doubleValue(defaultThreshold, 0.7);
	}

	public String getSearchAlgorithm() {
		return searchAlgorithm;
	}

	public boolean isMultiScaleSearch() {
		return Boolean.TRUE.equals(multiScaleSearch);
	}

	public boolean isOcrEnabled() {
		return Boolean.TRUE.equals(ocrEnabled);
	}
}
