/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.webbuilder;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.core.load.ConfigCache;
import org.qontinui.runner.core.load.ConfigLoadException;
import org.qontinui.runner.core.load.ConfigLoader;
import org.qontinui.runner.core.load.LoadedConfig;
import org.qontinui.runner.core.load.TokenStore;
import org.qontinui.runner.core.load.UrlConfigSource;
import org.qontinui.runner.core.validation.ConfigValidator;
import org.qontinui.runner.core.webbuilder.WebBuilderException.Reason;
import org.qontinui.runner.core.internal.http.BearerToken;
import org.qontinui.runner.core.internal.http.LimitedBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to the web builder: sign-in check, project and configuration lists, configuration
 * download and run upload.
 * <ul>
 * <li>The token from the {@link TokenStore} is read per request (so signing in again takes effect
 * at once) and sent as {@code Authorization: Bearer}, to the web builder's origin only. It never appears in messages, logs or
 * {@code toString()}; server error texts are scrubbed of it in case a server echoes headers.</li>
 * <li>https only, http for loopback hosts (checked by {@link WebBuilderEndpoints}); redirects are
 * not followed so the token cannot be forwarded to another host.</li>
 * <li>Answers are size-limited and every request has a timeout.</li>
 * <li>Downloads go through {@link ConfigLoader} and {@link UrlConfigSource}: ETag cache, offline
 * copy, validation diagnostics.</li>
 * </ul>
 * Instances are thread-safe.
 */
public final class WebBuilderClient {

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
	/** Largest list or account answer accepted. */
	public static final long DEFAULT_MAX_RESPONSE_BYTES = 5L * 1024 * 1024;

	static final ObjectMapper MAPPER = new ObjectMapper();

	/** Error bodies are only read for the server's message; no need for more. */
	private static final long MAX_ERROR_BODY_BYTES = 64 * 1024;
	/** {@link ConfigLoadException} carries no status code; its messages name it as "HTTP nnn". */
	private static final Pattern HTTP_STATUS = Pattern.compile("HTTP (\\d{3})"); //$NON-NLS-1$

	private final WebBuilderEndpoints endpoints;
	private final TokenStore tokens;
	private final BearerToken token;
	private final Duration timeout;
	private final long maxResponseBytes;
	private final HttpClient http;
	private final ConfigLoader loader;

	/** Default timeout and limits, default action types for validating downloads. */
	public WebBuilderClient(WebBuilderEndpoints endpoints, TokenStore tokens, ConfigCache cache) {
		this(endpoints, tokens, cache, new ConfigValidator(), DEFAULT_TIMEOUT);
	}

	/**
	 * @param cache   where downloads are kept for 304s and offline use; may be null
	 * @param timeout for connecting and for each whole request
	 */
	public WebBuilderClient(WebBuilderEndpoints endpoints, TokenStore tokens, ConfigCache cache, ConfigValidator validator,
			Duration timeout) {
		this.endpoints = endpoints;
		this.tokens = tokens;
		this.token = new BearerToken(tokens, endpoints.baseUri());
		this.timeout = timeout;
		this.maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
		this.loader = new ConfigLoader(validator,
				new UrlConfigSource(tokens, endpoints.baseUri(), cache, UrlConfigSource.DEFAULT_MAX_BYTES, timeout));
	}

	public WebBuilderEndpoints getEndpoints() {
		return endpoints;
	}

	/**
	 * Checks the sign-in: the account the token belongs to.
	 *
	 * @throws WebBuilderException {@link Reason#NOT_SIGNED_IN} without a token or with an expired one
	 */
	public Account whoAmI() throws WebBuilderException {
		if (tokens.read().isEmpty()) {
			throw new WebBuilderException(Reason.NOT_SIGNED_IN, Messages.WebBuilderClient_notSignedIn);
		}
		URI uri = endpoints.me();
		JsonNode root = readJson(uri, send(uri, get(uri)));
		if (!root.isObject()) {
			throw new WebBuilderException(Reason.BAD_RESPONSE, 200, NLS.bind(Messages.WebBuilderClient_notAnAccount, display(uri)), null);
		}
		return ResponseReader.account(root);
	}

	public List<ProjectSummary> listProjects() throws WebBuilderException {
		URI uri = endpoints.projects();
		List<ProjectSummary> projects = new ArrayList<>();
		for (JsonNode item : list(uri)) {
			ProjectSummary project = ResponseReader.project(item);
			if (project != null) {
				projects.add(project);
			}
		}
		return projects;
	}

	public List<ConfigurationSummary> listConfigurations(String projectId) throws WebBuilderException {
		URI uri = endpoints.configurations(projectId);
		List<ConfigurationSummary> configurations = new ArrayList<>();
		for (JsonNode item : list(uri)) {
			ConfigurationSummary configuration = ResponseReader.configuration(item, projectId);
			if (configuration != null) {
				configurations.add(configuration);
			}
		}
		return configurations;
	}

	/**
	 * Downloads a configuration as v2 JSON and validates it. When the server is unreachable or
	 * failing and a cached copy exists, that copy is returned with an offline warning among the
	 * diagnostics ({@link LoadedConfig#origin()} tells which).
	 */
	public LoadedConfig download(String configId) throws WebBuilderException {
		try {
			return loader.load(endpoints.export(configId));
		} catch (ConfigLoadException e) {
			throw translate(e);
		}
	}

	/** Uploads a run now; use {@link UploadQueue} to keep it when the upload fails. */
	public Optional<String> uploadRun(RunResult run) throws WebBuilderException {
		return upload(run.runId(), run.toJson());
	}

	/**
	 * Posts an upload body.
	 *
	 * @return the id the server gave the run, if it said
	 */
	Optional<String> upload(String runId, String json) throws WebBuilderException {
		URI uri = endpoints.runs();
		HttpRequest.Builder request = request(uri)
				.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
				.header("Content-Type", "application/json; charset=utf-8"); //$NON-NLS-1$//$NON-NLS-2$
		if (runId != null) {
			// Lets the server drop a duplicate when an earlier attempt succeeded but the answer was lost.
			request.header("Idempotency-Key", runId); //$NON-NLS-1$
		}
		Answer answer = send(uri, request);
		if (answer.body().length == 0 || !answer.contentType().contains("json")) { //$NON-NLS-1$
			return Optional.empty();
		}
		try {
			JsonNode root = MAPPER.readTree(answer.body());
			return Optional.ofNullable(root.isObject() ? ResponseReader.text(root, "id", "runId") : null); //$NON-NLS-1$//$NON-NLS-2$
		} catch (IOException e) {
			// Accepted is accepted; the id is only a convenience.
			return Optional.empty();
		}
	}

	private List<JsonNode> list(URI uri) throws WebBuilderException {
		List<JsonNode> items = ResponseReader.items(readJson(uri, send(uri, get(uri))));
		if (items == null) {
			throw new WebBuilderException(Reason.BAD_RESPONSE, 200,
					NLS.bind(Messages.WebBuilderClient_noList, display(uri), "{\"items\": [...]}"), null); //$NON-NLS-1$
		}
		return items;
	}

	private HttpRequest.Builder get(URI uri) {
		return request(uri).GET();
	}

	private HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json"); //$NON-NLS-1$//$NON-NLS-2$
	}

	/** What came back from a successful (2xx) request. */
	private record Answer(int status, String contentType, byte[] body) {
	}

	private Answer send(URI uri, HttpRequest.Builder request) throws WebBuilderException {
		Optional<String> token;
		try {
			token = this.token.attach(request, uri);
		} catch (BearerToken.UnusableTokenException e) {
			throw new WebBuilderException(Reason.NOT_SIGNED_IN, e.getMessage());
		}
		CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request.build(), this::subscriberFor);
		HttpResponse<byte[]> response;
		try {
			response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		} catch (TimeoutException e) {
			future.cancel(true);
			throw new WebBuilderException(Reason.TIMEOUT, timeoutMessage(uri));
		} catch (InterruptedException e) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new WebBuilderException(Reason.NETWORK, NLS.bind(Messages.WebBuilderClient_interrupted, host(uri)));
		} catch (CancellationException e) {
			throw new WebBuilderException(Reason.NETWORK, NLS.bind(Messages.WebBuilderClient_cancelled, host(uri)));
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof LimitedBody.TooLargeException) {
				throw new WebBuilderException(Reason.BAD_RESPONSE, -1,
						NLS.bind(Messages.WebBuilderClient_tooLarge, display(uri), maxResponseBytes), null);
			}
			if (cause instanceof HttpTimeoutException) {
				throw new WebBuilderException(Reason.TIMEOUT, timeoutMessage(uri));
			}
			// The cause is not chained: JDK exception texts may one day quote request headers.
			throw new WebBuilderException(Reason.NETWORK, NLS.bind(Messages.WebBuilderClient_cannotReach, host(uri), describe(cause)));
		}
		int status = response.statusCode();
		String contentType = contentType(response.headers());
		if (status >= 200 && status < 300) {
			return new Answer(status, contentType, response.body());
		}
		String said = ResponseReader.serverMessage(response.body(), contentType);
		said = said == null ? "" : NLS.bind(Messages.WebBuilderClient_serverSaid, scrub(said, token)); //$NON-NLS-1$
		throw switch (status) {
		case 401 -> new WebBuilderException(Reason.NOT_SIGNED_IN, status, NLS.bind(Messages.WebBuilderClient_signInExpired, host(uri)),
				null);
		case 403 -> new WebBuilderException(Reason.FORBIDDEN, status,
				NLS.bind(Messages.WebBuilderClient_forbidden, display(uri), said), null);
		case 404 -> new WebBuilderException(Reason.NOT_FOUND, status, NLS.bind(Messages.WebBuilderClient_notFound, display(uri), said),
				null);
		case 408 -> new WebBuilderException(Reason.TIMEOUT, status, NLS.bind(Messages.WebBuilderClient_requestTimeout, host(uri)),
				null);
		case 429 -> new WebBuilderException(Reason.SERVER_ERROR, status, NLS.bind(Messages.WebBuilderClient_busy, host(uri)), null);
		default -> {
			if (status >= 500) {
				yield new WebBuilderException(Reason.SERVER_ERROR, status,
						NLS.bind(Messages.WebBuilderClient_serverFailed, new Object[] { host(uri), status, said }), null);
			}
			if (status >= 400) {
				yield new WebBuilderException(Reason.REJECTED, status,
						NLS.bind(Messages.WebBuilderClient_refused, new Object[] { host(uri), display(uri), status, said }), null);
			}
			if (status >= 300 && status < 400) {
				yield new WebBuilderException(Reason.BAD_RESPONSE, status,
						NLS.bind(Messages.WebBuilderClient_redirect, new Object[] { display(uri), status, host(uri) }), null);
			}
			yield new WebBuilderException(Reason.BAD_RESPONSE, status, NLS.bind(Messages.WebBuilderClient_httpStatus, host(uri), status),
					null);
		}
		};
	}

	private JsonNode readJson(URI uri, Answer answer) throws WebBuilderException {
		if (answer.contentType().contains("html")) { //$NON-NLS-1$
			throw new WebBuilderException(Reason.BAD_RESPONSE, answer.status(), NLS.bind(Messages.WebBuilderClient_webPage, display(uri)),
					null);
		}
		try {
			JsonNode root = MAPPER.readTree(answer.body());
			if (root == null || root.isMissingNode()) {
				throw new WebBuilderException(Reason.BAD_RESPONSE, answer.status(), NLS.bind(Messages.WebBuilderClient_emptyAnswer, display(uri)),
						null);
			}
			return root;
		} catch (IOException e) {
			// Jackson's message quotes the body, which is data the user need not see; the location is enough.
			throw new WebBuilderException(Reason.BAD_RESPONSE, answer.status(), NLS.bind(Messages.WebBuilderClient_malformedJson, display(uri)),
					null);
		}
	}

	/** Maps a failed download onto the client's reasons; load messages are token-free by contract. */
	private static WebBuilderException translate(ConfigLoadException e) {
		int status = -1;
		Matcher matcher = HTTP_STATUS.matcher(String.valueOf(e.getMessage()));
		if (matcher.find()) {
			status = Integer.parseInt(matcher.group(1));
		}
		Reason reason = switch (e.getReason()) {
		case NOT_SIGNED_IN -> Reason.NOT_SIGNED_IN;
		case FORBIDDEN -> Reason.FORBIDDEN;
		case NOT_FOUND -> Reason.NOT_FOUND;
		case TIMEOUT -> Reason.TIMEOUT;
		case NETWORK -> Reason.NETWORK;
		case HTTP_ERROR -> status >= 500 || status == 429 ? Reason.SERVER_ERROR
				: status == 408 ? Reason.TIMEOUT : status >= 400 ? Reason.REJECTED : Reason.BAD_RESPONSE;
		default -> Reason.BAD_RESPONSE;
		};
		if (status < 0) {
			status = switch (e.getReason()) {
			case NOT_SIGNED_IN -> 401;
			case FORBIDDEN -> 403;
			case NOT_FOUND -> 404;
			default -> -1;
			};
		}
		return new WebBuilderException(reason, status, e.getMessage(), e);
	}

	private BodySubscriber<byte[]> subscriberFor(HttpResponse.ResponseInfo info) {
		int status = info.statusCode();
		if (status >= 200 && status < 300) {
			long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1); //$NON-NLS-1$
			return new LimitedBody(declared > maxResponseBytes ? -1 : maxResponseBytes, false);
		}
		// Error bodies are only wanted for the message: keep the start, never fail on size.
		return new LimitedBody(MAX_ERROR_BODY_BYTES, true);
	}

	/** Removes the token, and anything that looks like a bearer credential, from server text. */
	static String scrub(String text, Optional<String> token) {
		String result = text;
		if (token.isPresent() && !token.get().isEmpty()) {
			result = result.replace(token.get(), "[token]"); //$NON-NLS-1$
		}
		return result.replaceAll("(?i)bearer\\s+\\S+", "Bearer [token]"); //$NON-NLS-1$//$NON-NLS-2$
	}

	private String timeoutMessage(URI uri) {
		long millis = timeout.toMillis();
		String seconds = millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0); //$NON-NLS-1$
		return NLS.bind(Messages.WebBuilderClient_timeout, host(uri), seconds);
	}

	private static String contentType(HttpHeaders headers) {
		return headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT).split(";")[0].trim(); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
	}

	private static String describe(Throwable cause) {
		if (cause instanceof ConnectException) {
			return Messages.WebBuilderClient_connectionRefused;
		}
		if (cause instanceof UnknownHostException) {
			return Messages.WebBuilderClient_unknownHost;
		}
		return cause == null ? Messages.WebBuilderClient_unknownError : cause.getClass().getSimpleName();
	}

	private static String display(URI uri) {
		return WebBuilderEndpoints.display(uri);
	}

	private static String host(URI uri) {
		return uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : ""); //$NON-NLS-1$//$NON-NLS-2$
	}

	@Override
	public String toString() {
		return "WebBuilderClient[" + display(endpoints.baseUri()) + ", timeout=" + timeout + "]"; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
	}


}
