// The Qontinui executor driven by VS Code's own DAP client (@vscode/debugadapter-testsupport):
// the normal debug session, then the edges (broken frames, unknown requests, wrong argument types,
// spec details). Run: npm ci && npm test (releng/test.sh does).
'use strict';

const { describe, it, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { DebugClient } = require('@vscode/debugadapter-testsupport');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BRIDGE = path.join(ROOT, 'python-bridge');
const DEMO = path.join(BRIDGE, 'demo', 'demo.json');
const SHOTS = path.join(BRIDGE, 'demo', 'screenshots');
const PYTHON = process.env.QONTINUI_PYTHON || '/usr/bin/python3';

/** 1-based line and column of `"id": "<id>"`'s value in the demo configuration. */
function idPosition(id) {
  const lines = fs.readFileSync(DEMO, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i].indexOf(`"id": "${id}"`);
    if (at >= 0) return { line: i + 1, column: lines[i].indexOf(`"${id}"`, at + 5) + 1 };
  }
  throw new Error(`no id ${id} in the demo`);
}

function tempConfig(actions) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qontinui-dap-'));
  const file = path.join(dir, 'cfg.json');
  fs.writeFileSync(file, JSON.stringify({
    version: '2.0.0', metadata: { name: 'conformance' }, images: [],
    states: [{ id: 's1', name: 'S1', isInitial: true, stateImages: [] }], transitions: [],
    workflows: [{ id: 'wf-main', name: 'Main', actions }], settings: {},
  }, null, 2));
  return file;
}

function nullsIn(value, where = '') {
  if (value === null) return [where || '/'];
  if (Array.isArray(value)) return value.flatMap((v, i) => nullsIn(v, `${where}/${i}`));
  if (typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nullsIn(v, `${where}/${k}`));
  return [];
}

let dc;
let seen; // every message the adapter sent, as the client parsed it

async function start(initialize = {}) {
  dc = new DebugClient(PYTHON, '-mqontinui_bridge', 'qontinui',
    { env: { ...process.env, PYTHONPATH: BRIDGE } }, !!process.env.QONTINUI_DAP_STDERR);
  seen = [];
  const dispatch = dc.dispatch.bind(dc); // record what the client receives, then let it dispatch
  dc.dispatch = (body) => { seen.push(JSON.parse(body)); if (process.env.QONTINUI_DAP_TRACE) console.log(body.slice(0, 300)); dispatch(body); };
  await dc.start();
  const initialized = dc.waitForEvent('initialized');
  const response = await dc.initializeRequest({ adapterID: 'qontinui', linesStartAt1: true, columnsStartAt1: true,
    pathFormat: 'path', ...initialize });
  await initialized;
  return response;
}

/** Disconnects (unless the session already ended) and stops the adapter process. */
async function finish() {
  const proc = dc._adapterProcess;
  if (proc && proc.exitCode === null && proc.signalCode === null) {
    await Promise.race([dc.disconnectRequest().catch(() => {}), new Promise((r) => setTimeout(r, 2000))]);
  }
  dc.stopAdapter();
}

/** Writes raw bytes to the adapter's stdin: the frames VS Code's client would never produce. */
function sendRaw(bytes) {
  dc.outputStream.write(bytes);
}

async function errorResponseTo0(count) {
  for (let i = 0; i < 100 && seen.filter((m) => m.type === 'response' && m.request_seq === 0).length < count; i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  return seen.filter((m) => m.type === 'response' && m.request_seq === 0);
}

describe('normal debug session', () => {
  beforeEach(async () => { await start(); });
  afterEach(finish);

  it('initializes with the capabilities the workbench relies on', async () => {
    const caps = seen.find((m) => m.command === 'initialize').body;
    assert.equal(caps.supportsConfigurationDoneRequest, true);
    assert.equal(caps.supportsFunctionBreakpoints, true);
    assert.equal(caps.supportsConditionalBreakpoints, true);
    assert.equal(caps.supportsHitConditionalBreakpoints, true);
    assert.equal(caps.supportsLogPoints, true);
    assert.equal(caps.supportsSetVariable, true);
    assert.equal(caps.supportsTerminateRequest, true);
    assert.deepEqual(caps.exceptionBreakpointFilters.map((f) => f.filter),
      ['actionFailed', 'findFailed', 'transitionFailed']);
  });

  it('breakpoints, stepping, variables, setVariable, evaluate, continue to the end', async () => {
    const early = await dc.setFunctionBreakpointsRequest({ breakpoints: [
      { name: 'state:state-dashboard' }, { name: 'action:m3', condition: "reached == 'nope'" },
      { name: 'action:nope' }, { name: 'bogus' }] });
    const ids = early.body.breakpoints.map((b) => b.id);
    assert.deepEqual(early.body.breakpoints.map((b) => b.verified), [false, false, false, false]);
    assert.match(early.body.breakpoints[3].message, /breakpoint names are state:<id>/);

    const changed = [];
    dc.on('breakpoint', (e) => changed.push(e.body));
    await dc.launchRequest({ config: DEMO, backend: 'screenshots', screenshots: SHOTS,
      runDir: fs.mkdtempSync(path.join(os.tmpdir(), 'qontinui-run-')), type: 'qontinui', request: 'launch',
      name: 'conformance' });
    assert.equal(changed.length, 3);
    const byId = Object.fromEntries(changed.map((c) => [c.breakpoint.id, c.breakpoint]));
    assert.equal(changed.every((c) => c.reason === 'changed'), true);
    assert.equal(byId[ids[0]].verified, true);
    assert.equal(byId[ids[0]].line, idPosition('state-dashboard').line);
    assert.equal(byId[ids[1]].verified, true);
    assert.equal(byId[ids[2]].verified, false);
    assert.equal(byId[ids[2]].message, "unknown action 'nope'");

    const exc = await dc.setExceptionBreakpointsRequest({ filters: ['findFailed', 'noSuchFilter'] });
    assert.deepEqual(exc.body.breakpoints.map((b) => b.verified), [true, false]);

    const where = idPosition('state-dashboard');
    const stopped = dc.waitForEvent('stopped');
    // VS Code's own check: reason, then the top frame's source path, line and column.
    const located = dc.assertStoppedLocation('function breakpoint', { path: DEMO, line: where.line, column: where.column });
    await dc.configurationDoneRequest();
    const st = (await stopped).body;
    assert.deepEqual(st.hitBreakpointIds, [ids[0]]);
    await located;
    const threads = await dc.threadsRequest();
    assert.equal(threads.body.threads[0].id, 1);
    let frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.equal(frames[0].line, where.line);
    assert.equal(frames[0].column, where.column);
    assert.equal(frames[0].source.path, DEMO);
    assert.deepEqual(frames.map((f) => f.name.split(' ').slice(0, 2).join(' ')),
      ['state state-dashboard', 'transition t-login', 'state state-login', 'action m1', 'workflow wf-main']);

    const scopes = (await dc.scopesRequest({ frameId: frames[0].id })).body.scopes;
    assert.deepEqual(scopes.map((s) => s.name), ['Variables', 'Active States', 'Last Match', 'Settings']);
    const match = (await dc.variablesRequest({ variablesReference: scopes[2].variablesReference })).body.variables;
    assert.equal(match.find((v) => v.name === 'found').value, 'true');

    const step = async (request, expectedAction) => {
      const next = dc.waitForEvent('stopped');
      await request({ threadId: 1 });
      assert.equal((await next).body.reason, 'step');
      frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
      assert.ok(frames[0].name.startsWith(`action ${expectedAction}`), frames[0].name);
    };
    await step((a) => dc.stepInRequest(a), 's1');
    await step((a) => dc.stepOutRequest(a), 'm2');
    await step((a) => dc.nextRequest(a), 'm3');

    const scopesNow = (await dc.scopesRequest({ frameId: frames[0].id })).body.scopes; // references die on resume
    const variables = (await dc.variablesRequest({ variablesReference: scopesNow[0].variablesReference })).body.variables;
    const local = variables.find((v) => v.name === 'local');
    const set = await dc.setVariableRequest({ variablesReference: local.variablesReference, name: 'probe', value: '41' });
    assert.equal(set.body.value, '41');
    assert.equal((await dc.evaluateRequest({ expression: 'probe + 1', context: 'repl' })).body.result, '42');
    await assert.rejects(dc.evaluateRequest({ expression: "__import__('os')" }), /cannot evaluate/);

    const exited = dc.waitForEvent('exited', 20000);
    const terminated = dc.waitForEvent('terminated', 20000);
    await dc.continueRequest({ threadId: 1 });
    await terminated;
    assert.equal((await exited).body.exitCode, 0);
    // The conditional breakpoint on m3 never held: the only stops were the breakpoint and three steps.
    assert.equal(seen.filter((m) => m.event === 'stopped').length, 4);
    for (const m of seen.filter((x) => x.type === 'response' || !x.event.startsWith('qontinui/'))) {
      assert.deepEqual(nullsIn(m), [], JSON.stringify(m));
    }
  });

  it('stops at workflow, transition, state and action breakpoints in run order', async () => {
    await dc.launchRequest({ config: DEMO, backend: 'mock' });
    const names = ['workflow:wf-login', 'transition:t-login', 'state:state-dashboard', 'action:m2'];
    const bps = await dc.setFunctionBreakpointsRequest({ breakpoints: names.map((name) => ({ name })) });
    assert.deepEqual(bps.body.breakpoints.map((b) => b.verified), [true, true, true, true]);
    const hits = [];
    let stopped = dc.waitForEvent('stopped');
    await dc.configurationDoneRequest();
    for (let i = 0; i < names.length; i++) {
      const body = (await stopped).body;
      assert.equal(body.reason, 'function breakpoint');
      const top = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0];
      hits.push([body.hitBreakpointIds[0], top.name.split(' ').slice(0, 2).join(':')]);
      stopped = i + 1 < names.length ? dc.waitForEvent('stopped') : dc.waitForEvent('exited');
      await dc.continueRequest({ threadId: 1 });
    }
    assert.equal((await stopped).body.exitCode, 0);
    const id = (name) => bps.body.breakpoints[names.indexOf(name)].id;
    assert.deepEqual(hits.map((h) => h[0]), [id('transition:t-login'), id('workflow:wf-login'),
      id('state:state-dashboard'), id('action:m2')]);
    assert.deepEqual(hits.map((h) => h[1]), ['transition:t-login', 'workflow:wf-login', 'state:state-dashboard',
      'action:m2']);
  });

  it('hit count, logpoint, failure breakpoint, pause, terminate', async () => {
    const cfg = tempConfig([
      { id: 'loop', type: 'LOOP', config: { loopType: 'FOR', iterations: 5, iteratorVariable: 'i', actions: ['inc'] } },
      { id: 'inc', type: 'SET_VARIABLE', config: { variableName: 'last', valueSource: { type: 'expression', expression: 'i' } } },
      { id: 'log', type: 'SET_VARIABLE', config: { variableName: 'v', value: 7 } },
      { id: 'bad', type: 'GET_VARIABLE', config: { variableName: 'missing' } },
      { id: 'w', type: 'WAIT', config: { duration: 30000 } }]);
    await dc.launchRequest({ config: cfg, backend: 'screenshots', screenshots: SHOTS, failureStrategy: 'continue' });
    const bps = await dc.setFunctionBreakpointsRequest({ breakpoints: [
      { name: 'action:inc', hitCondition: '3' }, { name: 'action:bad', logMessage: 'v is {v}' }] });
    assert.deepEqual(bps.body.breakpoints.map((b) => b.verified), [true, true]);
    const filters = await dc.setExceptionBreakpointsRequest({ filters: ['actionFailed'] });
    const failureId = filters.body.breakpoints[0].id;

    let stopped = dc.waitForEvent('stopped');
    await dc.configurationDoneRequest();
    assert.equal((await stopped).body.reason, 'function breakpoint');
    assert.equal((await dc.evaluateRequest({ expression: 'i' })).body.result, '2');

    const logged = dc.assertOutput('console', 'v is 7');
    stopped = dc.waitForEvent('stopped');
    await dc.continueRequest({ threadId: 1 });
    await logged;
    const failure = (await stopped).body;
    assert.equal(failure.reason, 'exception');
    assert.deepEqual(failure.hitBreakpointIds, [failureId]);

    const started = new Promise((resolve) => dc.on('qontinui/actionStarted', (e) => e.body.actionId === 'w' && resolve()));
    await dc.continueRequest({ threadId: 1 });
    await started;
    await new Promise((r) => setTimeout(r, 300));
    stopped = dc.waitForEvent('stopped');
    await dc.pauseRequest({ threadId: 1 });
    assert.equal((await stopped).body.reason, 'pause');

    const exited = dc.waitForEvent('exited');
    await dc.terminateRequest();
    assert.equal((await exited).body.exitCode, 1);
    await dc.disconnectRequest();
  });
});

describe('edges', () => {
  beforeEach(async () => { await start(); });
  afterEach(finish);

  it('answers unknown and internal command names with an error', async () => {
    for (const name of ['engine_event', 'on_launch', '_run', 'frobnicate']) {
      await assert.rejects(dc.customRequest(name, { event: { not: 'a name' } }), new RegExp(`unknown request '${name}'`));
    }
    assert.equal(seen.filter((m) => m.type === 'event' && typeof m.event !== 'string').length, 0);
    assert.equal(seen.filter((m) => m.type === 'event').every((m) => ['initialized', 'output'].includes(m.event)), true);
  });

  it('rejects launch arguments of the wrong type by JSON pointer, then launches', async () => {
    await assert.rejects(dc.launchRequest({ config: true }), /\/arguments\/config: expected a string, got true/);
    await assert.rejects(dc.launchRequest({ config: 2 }), /\/arguments\/config: expected a string, got the number 2/);
    await assert.rejects(dc.launchRequest({ config: DEMO, backend: 7 }), /\/arguments\/backend/);
    await assert.rejects(dc.launchRequest({ config: path.dirname(DEMO) }), /is not a regular file/);
    await dc.launchRequest({ config: DEMO, backend: 'mock', noDebug: true });
    const exited = dc.waitForEvent('exited');
    await dc.configurationDoneRequest();
    assert.equal((await exited).body.exitCode, 0);
  });

  it('reports broken frames and stays in step', async () => {
    const broken = [
      'Content-Length: abc\r\n\r\n{}',
      'Content-Type: text/plain\r\n\r\n{"seq":1}',
      'Content-Length: 5\r\n\r\nhello',
      'Content-Length: 1000000000000000\r\n\r\n{}',
      'garbage between frames\r\n\r\n',
      'Content-Length: 10\r\n\r\n{"seq":900,"type":"request","command":"threads"}',
    ];
    for (let i = 0; i < broken.length; i++) {
      sendRaw(broken[i]);
      const errors = await errorResponseTo0(i + 1);
      assert.equal(errors.length, i + 1, `no error for ${JSON.stringify(broken[i])}`);
      assert.match(errors[i].message, /^malformed frame: /);
      assert.equal(errors[i].body.error.id, 5);
      assert.equal((await dc.threadsRequest()).body.threads[0].id, 1);
    }
    sendRaw(Buffer.from([0x43, 0x6f, 0x6e, 0x74, 0x65, 0x6e, 0x74, 0x2d, 0x4c, 0x65, 0x6e, 0x67, 0x74, 0x68, 0x3a, 0x20,
      0x32, 0x0d, 0x0a, 0x0d, 0x0a, 0xff, 0xfe])); // "Content-Length: 2\r\n\r\n" + invalid UTF-8
    assert.match((await errorResponseTo0(broken.length + 1))[broken.length].message, /not valid UTF-8/);
    // A too large length: the next real request is found inside the would-be body and answered.
    sendRaw('Content-Length: 4000\r\n\r\n{"seq":901,');
    assert.equal((await dc.threadsRequest()).success, true);
    assert.equal(dc._adapterProcess.exitCode, null);
  });

  it('honours linesStartAt1/columnsStartAt1 false', async () => {
    await finish();
    await start({ linesStartAt1: false, columnsStartAt1: false });
    await dc.launchRequest({ config: DEMO, backend: 'mock' });
    const bp = await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'state:state-dashboard' }] });
    const where = idPosition('state-dashboard');
    assert.equal(bp.body.breakpoints[0].line, where.line - 1);
    assert.equal(bp.body.breakpoints[0].column, where.column - 1);
    const stopped = dc.waitForEvent('stopped');
    await dc.configurationDoneRequest();
    await stopped;
    const frame = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0];
    assert.equal(frame.line, where.line - 1);
    assert.equal(frame.column, where.column - 1);
  });

  it('answers setExceptionBreakpoints one to one', async () => {
    const r = await dc.setExceptionBreakpointsRequest({ filters: ['findFailed', 'bogus', 'actionFailed'],
      filterOptions: [{ filterId: 'transitionFailed' }, { filterId: 'nope' }] });
    assert.deepEqual(r.body.breakpoints.map((b) => b.verified), [true, false, true, true, false]);
    assert.match(r.body.breakpoints[1].message, /unknown exception filter 'bogus'/);
  });
});
