/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.load;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.core.load.ConfigLoadException.Reason;
import org.qontinui.runner.core.load.LoadedConfig.Origin;
import org.qontinui.runner.core.internal.http.BearerToken;
import org.qontinui.runner.core.internal.http.LimitedBody;

/**
 * Downloads a configuration exported by the web builder.
 * <ul>
 * <li>https only; plain http is allowed for loopback hosts (a local web builder), since the
 * sign-in token is sent along.</li>
 * <li>The token from the {@link TokenStore} goes into {@code Authorization: Bearer} only for
 * requests to its origin, the configured web builder (scheme, host and port): a URL naming any
 * other host gets no token. Redirects are not followed, so it is not forwarded either.</li>
 * <li>Bodies larger than the size limit are aborted while reading.</li>
 * <li>With a {@link ConfigCache}: sends {@code If-None-Match}, serves 304 from the cache, and opens
 * the cached copy when the server cannot be reached.</li>
 * </ul>
 */
public final class UrlConfigSource {

	public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	/** What a fetch produced. {@code warning} is set when the text is an offline copy. */
	public record Fetched(byte[] body, Origin origin, String warning) {
	}

	/** Made at the first fetch: most loads read files, and a client's selector thread delays the JVM's exit. */
	private HttpClient client;
	private final BearerToken token;
	private final ConfigCache cache;
	private final long maxBytes;
	private final Duration timeout;

	/** A source that sends no token to any host. */
	public UrlConfigSource(TokenStore tokens, ConfigCache cache) {
		this(tokens, null, cache, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT);
	}

	/**
	 * @param tokenOrigin the web builder the token belongs to (only its scheme, host and port
	 *                    count); null sends the token nowhere
	 * @param cache       may be null: no conditional requests, no offline copies
	 * @param maxBytes    largest accepted body
	 * @param timeout     for connecting and for the whole download
	 */
	public UrlConfigSource(TokenStore tokens, URI tokenOrigin, ConfigCache cache, long maxBytes, Duration timeout) {
		this.token = new BearerToken(tokens, tokenOrigin);
		this.cache = cache;
		this.maxBytes = maxBytes;
		this.timeout = timeout;
	}

	private synchronized HttpClient client() {
		if (client == null) {
			client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
		}
		return client;
	}

	public Fetched fetch(URI uri) throws ConfigLoadException {
		checkAllowed(uri);
		Optional<ConfigCache.Entry> cached = cache == null ? Optional.empty() : cache.lookup(uri);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(timeout)
				.header("Accept", "application/json"); //$NON-NLS-1$//$NON-NLS-2$
		try {
			token.attach(request, uri);
		} catch (BearerToken.UnusableTokenException e) {
			throw new ConfigLoadException(Reason.NOT_SIGNED_IN, e.getMessage());
		}
		cached.map(ConfigCache.Entry::etag).ifPresent(etag -> request.header("If-None-Match", etag)); //$NON-NLS-1$

		HttpResponse<byte[]> response;
		CompletableFuture<HttpResponse<byte[]>> future = client().sendAsync(request.build(), this::subscriberFor);
		try {
			response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		} catch (TimeoutException e) {
			future.cancel(true);
			return offlineOr(cached, uri, timeoutMessage(uri), Reason.TIMEOUT, null);
		} catch (InterruptedException e) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new ConfigLoadException(Reason.NETWORK, NLS.bind(Messages.UrlConfigSource_interrupted, display(uri)));
		} catch (CancellationException e) {
			throw new ConfigLoadException(Reason.NETWORK, NLS.bind(Messages.UrlConfigSource_cancelled, display(uri)));
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof LimitedBody.TooLargeException) {
				throw new ConfigLoadException(Reason.TOO_LARGE, tooLargeMessage(uri));
			}
			if (cause instanceof HttpTimeoutException) {
				return offlineOr(cached, uri, timeoutMessage(uri), Reason.TIMEOUT, null);
			}
			// Do not chain the cause: JDK exception text may quote request headers in future versions.
			return offlineOr(cached, uri, NLS.bind(Messages.UrlConfigSource_cannotReach, host(uri), describe(cause)), Reason.NETWORK,
					null);
		}
		return handle(uri, response, cached);
	}

	private Fetched handle(URI uri, HttpResponse<byte[]> response, Optional<ConfigCache.Entry> cached)
			throws ConfigLoadException {
		int status = response.statusCode();
		switch (status) {
		case 200:
			break;
		case 304:
			if (cached.isPresent()) {
				return new Fetched(readCache(cached.get(), uri), Origin.CACHE_NOT_MODIFIED, null);
			}
			throw new ConfigLoadException(Reason.HTTP_ERROR, NLS.bind(Messages.UrlConfigSource_notModifiedWithoutCopy, display(uri)));
		case 401:
			throw new ConfigLoadException(Reason.NOT_SIGNED_IN, NLS.bind(Messages.UrlConfigSource_notSignedIn, host(uri)));
		case 403:
			throw new ConfigLoadException(Reason.FORBIDDEN, NLS.bind(Messages.UrlConfigSource_forbidden, display(uri)));
		case 404:
			throw new ConfigLoadException(Reason.NOT_FOUND, NLS.bind(Messages.UrlConfigSource_notFound, display(uri)));
		default:
			if (status >= 300 && status < 400) {
				String location = response.headers().firstValue("Location").orElse("?"); //$NON-NLS-1$//$NON-NLS-2$
				throw new ConfigLoadException(Reason.HTTP_ERROR,
						NLS.bind(Messages.UrlConfigSource_redirect, new Object[] { display(uri), status, location, host(uri) }));
			}
			if (status >= 500) {
				return offlineOr(cached, uri, NLS.bind(Messages.UrlConfigSource_serverFailed, host(uri), status), Reason.HTTP_ERROR, null);
			}
			throw new ConfigLoadException(Reason.HTTP_ERROR,
					NLS.bind(Messages.UrlConfigSource_httpError, new Object[] { host(uri), status, display(uri) }));
		}
		String contentType = contentType(response.headers());
		byte[] body = response.body();
		if (isHtml(contentType) || !looksLikeJsonObject(body) && !contentType.contains("json")) { //$NON-NLS-1$
			throw new ConfigLoadException(Reason.NOT_JSON, NLS.bind(Messages.UrlConfigSource_notConfiguration,
					contentType.isEmpty() ? Messages.UrlConfigSource_noContentType : contentType, display(uri)));
		}
		if (cache != null) {
			try {
				cache.store(uri, response.headers().firstValue("ETag").orElse(null), body); //$NON-NLS-1$
			} catch (IOException e) {
				// The download itself succeeded; only offline use suffers.
				return new Fetched(body, Origin.NETWORK,
						NLS.bind(Messages.UrlConfigSource_offlineCopyNotKept, cache.getDirectory(), e.getMessage()));
			}
		}
		return new Fetched(body, Origin.NETWORK, null);
	}

	private Fetched offlineOr(Optional<ConfigCache.Entry> cached, URI uri, String problem, Reason reason, Throwable cause)
			throws ConfigLoadException {
		if (cached.isEmpty()) {
			throw new ConfigLoadException(reason, problem, cause);
		}
		ConfigCache.Entry entry = cached.get();
		return new Fetched(readCache(entry, uri), Origin.CACHE_OFFLINE,
				NLS.bind(Messages.UrlConfigSource_openedOffline, problem, entry.fetchedAt()));
	}

	private static byte[] readCache(ConfigCache.Entry entry, URI uri) throws ConfigLoadException {
		try {
			return entry.readBody();
		} catch (IOException e) {
			throw new ConfigLoadException(Reason.IO, NLS.bind(Messages.UrlConfigSource_cannotReadCache, display(uri), e.getMessage()));
		}
	}

	private BodySubscriber<byte[]> subscriberFor(HttpResponse.ResponseInfo info) {
		if (info.statusCode() != 200 || isHtml(contentType(info.headers()))) {
			// Error pages and HTML are not read; the status or type is reported.
			return BodySubscribers.replacing(new byte[0]);
		}
		long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1); //$NON-NLS-1$
		if (declared > maxBytes) {
			return new LimitedBody(-1, false);
		}
		return new LimitedBody(maxBytes, false);
	}

	private void checkAllowed(URI uri) throws ConfigLoadException {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT); //$NON-NLS-1$
		if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) { //$NON-NLS-1$//$NON-NLS-2$
			throw new ConfigLoadException(Reason.INSECURE_URL, NLS.bind(Messages.UrlConfigSource_notWebAddress, display(uri)));
		}
		if (scheme.equals("http") && !LimitedBody.isLoopback(uri.getHost())) { //$NON-NLS-1$
			throw new ConfigLoadException(Reason.INSECURE_URL, NLS.bind(Messages.UrlConfigSource_plainHttp, host(uri)));
		}
	}


	private String timeoutMessage(URI uri) {
		long millis = timeout.toMillis();
		String seconds = millis % 1000 == 0 ? Long.toString(millis / 1000)
				: String.format(Locale.ROOT, "%.1f", millis / 1000.0); //$NON-NLS-1$
		return NLS.bind(Messages.UrlConfigSource_timeout, host(uri), seconds);
	}

	private String tooLargeMessage(URI uri) {
		return NLS.bind(Messages.UrlConfigSource_tooLarge, display(uri), formatSize(maxBytes));
	}

	private static String formatSize(long bytes) {
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return NLS.bind(Messages.UrlConfigSource_mebibytes, bytes / (1024 * 1024));
		}
		return NLS.bind(Messages.UrlConfigSource_bytes, bytes);
	}

	private static String contentType(HttpHeaders headers) {
		return headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT).split(";")[0].trim(); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
	}

	private static boolean isHtml(String contentType) {
		return contentType.contains("html"); //$NON-NLS-1$
	}

	private static boolean looksLikeJsonObject(byte[] body) {
		for (byte b : body) {
			if (b == '{') {
				return true;
			}
			if (!Character.isWhitespace(b) && b != (byte) 0xef && b != (byte) 0xbb && b != (byte) 0xbf) {
				return false;
			}
		}
		return false;
	}

	private static String describe(Throwable cause) {
		if (cause instanceof ConnectException) {
			return Messages.UrlConfigSource_connectionRefused;
		}
		if (cause instanceof UnknownHostException) {
			return Messages.UrlConfigSource_unknownHost;
		}
		String simple = cause == null ? Messages.UrlConfigSource_unknownError : cause.getClass().getSimpleName();
		return simple;
	}

	/** scheme://host[:port]/path, without query or user info (which may carry secrets). */
	static String display(URI uri) {
		StringBuilder text = new StringBuilder();
		if (uri.getScheme() != null) {
			text.append(uri.getScheme()).append("://"); //$NON-NLS-1$
		}
		if (uri.getHost() != null) {
			text.append(uri.getHost());
		}
		if (uri.getPort() >= 0) {
			text.append(':').append(uri.getPort());
		}
		if (uri.getRawPath() != null) {
			text.append(uri.getRawPath());
		}
		return text.toString();
	}

	private static String host(URI uri) {
		return uri.getHost() == null ? display(uri) : uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : ""); //$NON-NLS-1$//$NON-NLS-2$
	}

	@Override
	public String toString() {
		return "UrlConfigSource[maxBytes=" + maxBytes + ", timeout=" + timeout + ", cache=" + (cache == null ? "none" : cache.getDirectory()) + "]"; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$
	}


}
