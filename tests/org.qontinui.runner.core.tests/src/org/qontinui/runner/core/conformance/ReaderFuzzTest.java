/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.qontinui.runner.core.load.ConfigLoader;
import org.qontinui.runner.core.load.InMemoryTokenStore;
import org.qontinui.runner.core.load.LoadedConfig;
import org.qontinui.runner.core.load.UrlConfigSource;
import org.qontinui.runner.core.validation.ActionTypeRegistry;
import org.qontinui.runner.core.validation.ConfigValidator;
import org.qontinui.runner.core.validation.Diagnostic;

/**
 * A mutation fuzzer over the reader and validator, seeded with the conformance corpus: byte flips,
 * cut and spliced text, and JSON-aware mutations (values swapped for other types, NaN, huge
 * numbers, deep nesting, duplicated elements). Every mutant must come back as diagnostics, never
 * an exception, an {@code internal-error} or a hang. Bounded by {@code qontinui.fuzz.seconds}
 * (default 20 s); a failing mutant is written to {@code target/fuzz-crash-*.json} to become a case.
 */
public class ReaderFuzzTest {

	private static final String[] REPLACEMENTS = { "null", "true", "0", "-1", "1e999", "NaN", "\"\"", "\"x\"", "[]", "{}",
			"[[[[[[[[[[[[]]]]]]]]]]]]", "99999999999999999999999", "1.5", "\"\\u0000\"", "[null]", "{\"id\":7}" };

	@Test
	void mutantsNeverCrashOrHang() throws Exception {
		long seconds = Long.getLong("qontinui.fuzz.seconds", 20);
		long seed = Long.getLong("qontinui.fuzz.seed", System.nanoTime());
		Random random = new Random(seed);
		List<byte[]> seeds = new ArrayList<>();
		for (Path file : ConformanceTest.cases()) {
			seeds.add(Files.readAllBytes(file));
		}
		ConfigLoader loader = new ConfigLoader(new ConfigValidator(new ActionTypeRegistry()),
				new UrlConfigSource(new InMemoryTokenStore(), null));
		Path crashDir = Path.of("target");
		ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "fuzz");
			t.setDaemon(true);
			return t;
		});
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		int runs = 0;
		try {
			while (System.nanoTime() < end) {
				byte[] mutant = mutate(seeds.get(random.nextInt(seeds.size())), random, seeds);
				Future<LoadedConfig> result = worker.submit(() -> loader.load(writeTemp(mutant)));
				LoadedConfig loaded;
				try {
					loaded = result.get(10, TimeUnit.SECONDS);
				} catch (Exception e) {
					Path crash = Files.write(crashDir.resolve("fuzz-crash-" + seed + "-" + runs + ".json"), mutant);
					throw new AssertionError("mutant " + crash + " (seed " + seed + "): " + e, e);
				}
				for (Diagnostic d : loaded.diagnostics()) {
					if (d.code().equals("internal-error")) {
						Path crash = Files.write(crashDir.resolve("fuzz-crash-" + seed + "-" + runs + ".json"), mutant);
						throw new AssertionError("mutant " + crash + " (seed " + seed + "): " + d);
					}
					assertTrue(d.position().isKnown(), "position of " + d);
				}
				assertEquals(loaded.hasErrors(), loaded.diagnostics().stream().anyMatch(Diagnostic::isError));
				runs++;
			}
		} finally {
			worker.shutdownNow();
		}
		System.out.println("ReaderFuzzTest: " + runs + " mutants in " + seconds + " s, seed " + seed);
		assertTrue(runs > 0);
	}

	private static Path writeTemp(byte[] bytes) throws IOException {
		Path file = Files.createTempFile("fuzz", ".json");
		file.toFile().deleteOnExit();
		return Files.write(file, bytes);
	}

	static byte[] mutate(byte[] original, Random random, List<byte[]> seeds) {
		byte[] bytes = original.clone();
		int rounds = 1 + random.nextInt(4);
		for (int r = 0; r < rounds && bytes.length > 0; r++) {
			switch (random.nextInt(6)) {
			case 0 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
			case 1 -> { // cut
				int from = random.nextInt(bytes.length);
				int to = Math.min(bytes.length, from + random.nextInt(64));
				byte[] out = new byte[bytes.length - (to - from)];
				System.arraycopy(bytes, 0, out, 0, from);
				System.arraycopy(bytes, to, out, from, bytes.length - to);
				bytes = out;
			}
			case 2 -> { // splice a piece of another seed
				byte[] other = seeds.get(random.nextInt(seeds.size()));
				if (other.length > 0) {
					int from = random.nextInt(other.length);
					int length = Math.min(other.length - from, random.nextInt(200));
					bytes = insert(bytes, random.nextInt(bytes.length), Arrays.copyOfRange(other, from, from + length));
				}
			}
			default -> bytes = replaceValue(bytes, random);
			}
		}
		return bytes;
	}

	/** Replaces the value after a random ':' or '[' or ',' with another JSON value (often of another type). */
	private static byte[] replaceValue(byte[] bytes, Random random) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		int at = random.nextInt(Math.max(1, text.length()));
		int colon = indexOfAny(text, at);
		if (colon < 0) {
			return bytes;
		}
		int start = colon + 1;
		while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		int end = endOfValue(text, start);
		if (end <= start) {
			return bytes;
		}
		String replacement = REPLACEMENTS[random.nextInt(REPLACEMENTS.length)];
		if (random.nextInt(8) == 0) { // duplicate the value instead (duplicate ids, repeated elements)
			replacement = text.substring(start, end) + "," + text.substring(start, end);
		}
		return (text.substring(0, start) + replacement + text.substring(end)).getBytes(StandardCharsets.UTF_8);
	}

	private static int indexOfAny(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ':' || c == '[' || c == ',') {
				return i;
			}
		}
		return -1;
	}

	/** End of a JSON value starting at {@code start} (balanced brackets, strings skipped), best effort. */
	private static int endOfValue(String text, int start) {
		int depth = 0;
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				i++;
				while (i < text.length() && text.charAt(i) != '"') {
					i += text.charAt(i) == '\\' ? 2 : 1;
				}
				if (depth == 0) {
					return Math.min(text.length(), i + 1);
				}
			} else if (c == '{' || c == '[') {
				depth++;
			} else if (c == '}' || c == ']') {
				if (depth == 0) {
					return i;
				}
				if (--depth == 0) {
					return i + 1;
				}
			} else if (depth == 0 && (c == ',' || Character.isWhitespace(c))) {
				return i;
			}
		}
		return text.length();
	}

	private static byte[] insert(byte[] bytes, int at, byte[] piece) {
		byte[] out = new byte[bytes.length + piece.length];
		System.arraycopy(bytes, 0, out, 0, at);
		System.arraycopy(piece, 0, out, at, piece.length);
		System.arraycopy(bytes, at, out, at + piece.length, bytes.length - at);
		return out;
	}
}
