/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.internal.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * What the configuration download and the web builder client share about HTTP: a response body
 * collected up to a size limit, and the rule that only loopback hosts may use plain http.
 */
public final class LimitedBody implements BodySubscriber<byte[]> {

	/** The body grew past its limit; the transfer was cancelled. */
	public static final class TooLargeException extends IOException {
		private static final long serialVersionUID = 1L;

		TooLargeException() {
			super("response body too large"); //$NON-NLS-1$
		}
	}

	private final long limit;
	private final boolean truncate;
	private final CompletableFuture<byte[]> result = new CompletableFuture<>();
	private final List<ByteBuffer> buffers = new ArrayList<>();
	private long size;
	private Flow.Subscription subscription;

	/**
	 * @param limit    bytes allowed; negative fails at once (the declared length is already too big)
	 * @param truncate keep the first {@code limit} bytes instead of failing (error pages)
	 */
	public LimitedBody(long limit, boolean truncate) {
		this.limit = limit;
		this.truncate = truncate;
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return result;
	}

	@Override
	public void onSubscribe(Flow.Subscription s) {
		this.subscription = s;
		if (limit < 0) {
			s.cancel();
			result.completeExceptionally(new TooLargeException());
			return;
		}
		s.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> items) {
		if (result.isDone()) {
			return;
		}
		for (ByteBuffer buffer : items) {
			size += buffer.remaining();
			buffers.add(buffer);
		}
		if (size > limit) {
			subscription.cancel();
			if (truncate) {
				result.complete(collect(limit));
			} else {
				buffers.clear();
				result.completeExceptionally(new TooLargeException());
			}
		}
	}

	@Override
	public void onError(Throwable throwable) {
		result.completeExceptionally(throwable);
	}

	@Override
	public void onComplete() {
		if (!result.isDone()) {
			result.complete(collect(size));
		}
	}

	private byte[] collect(long length) {
		byte[] body = new byte[(int) Math.min(length, size)];
		int offset = 0;
		for (ByteBuffer buffer : buffers) {
			int count = Math.min(buffer.remaining(), body.length - offset);
			buffer.get(body, offset, count);
			offset += count;
			if (offset == body.length) {
				break;
			}
		}
		return body;
	}

	/** "localhost" or a literal loopback address; no DNS lookup, whose answer anyone could forge. */
	public static boolean isLoopback(String host) {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host; //$NON-NLS-1$//$NON-NLS-2$
		if (bare.equalsIgnoreCase("localhost")) { //$NON-NLS-1$
			return true;
		}
		if (!bare.matches("[0-9.]+") && !bare.contains(":")) { //$NON-NLS-1$//$NON-NLS-2$
			return false;
		}
		try {
			return InetAddress.getByName(bare).isLoopbackAddress();
		} catch (UnknownHostException e) {
			return false;
		}
	}
}
