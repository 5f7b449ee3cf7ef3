// Tests for js/jsonata-host.js. Run: node js/jsonata-host.test.mjs (exits non-zero on failure).
//
// jsonata.js and the host are loaded into a `vm` context that has only the ECMAScript globals,
// like the `asl` command's QuickJS: no require, no TextEncoder, no crypto. Node's crypto, outside
// the context, is the reference for the hashes.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function loadHost() {
  const context = vm.createContext({});
  vm.runInContext(readFileSync(join(root, 'node_modules/jsonata/jsonata.js'), 'utf8'), context, {
    filename: 'jsonata.js',
  });
  vm.runInContext(readFileSync(join(root, 'js/jsonata-host.js'), 'utf8'), context, { filename: 'jsonata-host.js' });
  return context;
}

const context = loadHost();
const host = context.__aslJsonata;

/** Evaluates a request and returns the parsed entries. */
async function run(request) {
  const answer = await host.evaluate(JSON.stringify({ bindings: {}, ...request }));
  assert.equal(typeof answer, 'string');
  return JSON.parse(answer);
}

/** The single entry for one expression. */
async function one(expression, request = {}) {
  const [entry] = await run({ expressions: [expression], ...request });
  return entry;
}

async function value(expression, request) {
  const entry = await one(expression, request);
  assert.ok('value' in entry, `${expression}: expected a value, got ${JSON.stringify(entry)}`);
  return entry.value;
}

async function error(expression, request) {
  const entry = await one(expression, request);
  assert.ok('error' in entry, `${expression}: expected an error, got ${JSON.stringify(entry)}`);
  return entry.error;
}

const sq = (s) => "'" + s.replace(/'/g, "\\'") + "'"; // a JSONata string literal

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

// --- the sandbox itself ---------------------------------------------------------------------

test('the context has only ES globals', () => {
  for (const name of ['require', 'TextEncoder', 'crypto', 'process', 'window', 'self']) {
    assert.equal(vm.runInContext(`typeof ${name}`, context), 'undefined', name);
  }
  assert.equal(vm.runInContext('typeof jsonata', context), 'function');
});

// --- values -----------------------------------------------------------------------------------

test('values', async () => {
  assert.equal(await value('1 + 2'), 3);
  assert.equal(await value("'a' & 'b'"), 'ab');
  assert.deepEqual(await value('[1, 2, 3][$ > 1]'), [2, 3]);
  assert.deepEqual(await value('{"a": [1, {"b": null}]}'), { a: [1, { b: null }] });
  assert.equal(await value('true and false'), false);
});

test('input: sequences become plain arrays', async () => {
  const input = { orders: [{ id: 1, items: [{ sku: 'a' }, { sku: 'b' }] }, { id: 2, items: [{ sku: 'c' }] }] };
  assert.deepEqual(await value('orders.items.sku', { input }), ['a', 'b', 'c']);
  assert.deepEqual(await value('$', { input: [1, 2] }), [1, 2]);
  assert.equal(await value('$', { input: null }), null);
});

test('undefined, with and without input', async () => {
  assert.deepEqual(await one('nothing.here', { input: { a: 1 } }), { undefined: true });
  assert.deepEqual(await one('$'), { undefined: true });
  assert.deepEqual(await one('a'), { undefined: true });
});

test('functions are unsupported results', async () => {
  assert.deepEqual(await one('function($x) { $x }'), { unsupported: 'function' });
  assert.deepEqual(await one('$sum'), { unsupported: 'function' });
  assert.deepEqual(await one('$partition'), { unsupported: 'function' });
  assert.deepEqual(await one('/ab+/'), { unsupported: 'function' });
});

test('syntax error with code, position and token', async () => {
  const e = await error('1 +');
  assert.equal(e.code, 'S0207');
  assert.equal(typeof e.position, 'number');
  assert.equal(typeof e.message, 'string');
  assert.ok(e.message.length > 0);
  assert.equal(e.position, 3);
  assert.equal(e.token, '(end)');
  assert.equal((await error('(')).code, 'S0203');
  assert.deepEqual(await error('"abc'), {
    code: 'S0101',
    message: 'String literal must be terminated by a matching quote',
    position: 4,
    token: null,
  });
});

test('runtime error codes', async () => {
  const e = await error("'a' + 1");
  assert.equal(e.code, 'T2001');
  assert.equal(e.position, 5);
  assert.equal(e.token, '+');
  assert.equal((await error('$undefinedFunction()')).code, 'T1006');
  assert.equal((await error('$hash(1, "MD5")')).code, 'T0410');
});

test('expressions are independent and answered in order', async () => {
  const entries = await run({ expressions: ['1', "'a' + 1", '1 +', '3', 'x'], input: { x: 'y' } });
  assert.equal(entries.length, 5);
  assert.deepEqual(entries[0], { value: 1 });
  assert.equal(entries[1].error.code, 'T2001');
  assert.equal(entries[2].error.code, 'S0207');
  assert.deepEqual(entries[3], { value: 3 });
  assert.deepEqual(entries[4], { value: 'y' });
});

test('a malformed request resolves with an error entry', async () => {
  const entries = JSON.parse(await host.evaluate('{not json'));
  assert.equal(entries.length, 1);
  assert.equal(entries[0].error.code, 'U0000');
  const missing = JSON.parse(await host.evaluate('{}'));
  assert.equal(missing[0].error.code, 'U0000');
  const nonString = await run({ expressions: [42, '1'] });
  assert.equal(nonString[0].error.code, 'U0000');
  assert.deepEqual(nonString[1], { value: 1 });
});

// --- bindings ---------------------------------------------------------------------------------

test('bindings, including $states', async () => {
  const bindings = {
    states: { input: { x: 5, list: [1, 2, 3] }, context: { Execution: { Name: 'run-1' } } },
    total: 10,
  };
  assert.equal(await value('$states.input.x', { bindings }), 5);
  assert.equal(await value('$states.input.x + $total', { bindings }), 15);
  assert.equal(await value('$sum($states.input.list)', { bindings }), 6);
  assert.equal(await value('$states.context.Execution.Name', { bindings }), 'run-1');
  assert.deepEqual(await one('$states.input.missing', { bindings }), { undefined: true });
});

test('a request binding shadows a function of the same name', async () => {
  assert.equal(await value('$uuid', { bindings: { uuid: 'fixed' } }), 'fixed');
  assert.equal(await value('$x', { bindings: JSON.parse('{"__proto__": {"y": 1}, "x": 2}') }), 2);
  assert.deepEqual(await one('$y', { bindings: JSON.parse('{"__proto__": {"y": 1}}') }), { undefined: true });
});

test('the cache does not carry bindings from one request to the next', async () => {
  assert.equal(await value('$v', { bindings: { v: 1 } }), 1);
  assert.equal(await value('$v', { bindings: { v: 2 } }), 2);
  assert.deepEqual(await one('$v'), { undefined: true });
});

// --- $hash ------------------------------------------------------------------------------------

const ALGORITHMS = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

test('$hash matches node:crypto for ASCII, non-ASCII and block-boundary lengths', async () => {
  const inputs = [
    '',
    'abc',
    'hello world',
    'The quick brown fox jumps over the lazy dog',
    'héllo wörld ✓ 中文 😀',
    '\ud800 lone surrogate \udfff',
    ...[55, 56, 63, 64, 65, 111, 112, 119, 127, 128, 129, 1000].map((n) => 'x'.repeat(n)),
    'ü'.repeat(100),
  ];
  const expressions = [];
  const expected = [];
  for (const text of inputs) {
    for (const [name, nodeName] of Object.entries(ALGORITHMS)) {
      expressions.push(`$hash(${sq(text)}, '${name}')`);
      expected.push(createHash(nodeName).update(text, 'utf8').digest('hex'));
    }
  }
  const entries = await run({ expressions });
  entries.forEach((entry, i) => assert.deepEqual(entry, { value: expected[i] }, expressions[i]));
});

test('$hash refuses unknown algorithm names and passes undefined through', async () => {
  for (const name of ['sha256', 'SHA256', 'md5', 'SHA-224', '']) {
    const e = await error(`$hash('a', '${name}')`);
    assert.equal(e.code, 'SF0002');
    assert.match(e.message, /MD5, SHA-1, SHA-256, SHA-384, SHA-512/);
  }
  assert.deepEqual(await one("$hash(nothing, 'MD5')"), { undefined: true });
  assert.equal(await value("$states.input.s ~> $hash('SHA-1')", { bindings: { states: { input: { s: 'abc' } } } }),
    createHash('sha1').update('abc').digest('hex'));
});

// --- $range and $partition ------------------------------------------------------------------

test('$range is inclusive, counts by step, and refuses step 0', async () => {
  assert.deepEqual(await value('$range(0, 10, 2)'), [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(await value('$range(1, 5)'), [1, 2, 3, 4, 5]);
  assert.deepEqual(await value('$range(0, 9, 2)'), [0, 2, 4, 6, 8]);
  assert.deepEqual(await value('$range(5, 1, -2)'), [5, 3, 1]);
  assert.deepEqual(await value('$range(10, 0, -5)'), [10, 5, 0]);
  assert.deepEqual(await value('$range(3, 3)'), 3, 'a range of one number is a sequence of one: that number, as AWS returns it');
  assert.deepEqual(await one('$range(5, 1)'), { undefined: true }, 'an empty sequence is nothing, as in JSONata');
  assert.deepEqual(await value('$range(-2, 2)'), [-2, -1, 0, 1, 2]);
  assert.equal((await error('$range(1, 5, 0)')).code, 'SF0002');
  assert.equal((await error('$range(1.5, 5)')).code, 'SF0002');
  assert.equal((await error('$range(0, 100000000)')).code, 'SF0002');
  assert.equal((await error("$range('a', 5)")).code, 'T0410');
});

test('$partition chunks by size, the last may be shorter', async () => {
  assert.deepEqual(await value('$partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)'), [[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
  assert.deepEqual(await value('$partition([1, 2, 3, 4, 5], 2)'), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(await value('$partition([1, 2], 5)'), [[1, 2]]);
  assert.deepEqual(await value('$partition([], 5)'), []);
  assert.deepEqual(await value('$partition($states.input, 2)', { bindings: { states: { input: ['a', 'b', 'c'] } } }),
    [['a', 'b'], ['c']]);
  for (const size of ['0', '-1', '1.5']) {
    assert.equal((await error(`$partition([1, 2], ${size})`)).code, 'SF0002', size);
  }
});

// --- $uuid and $random ----------------------------------------------------------------------

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('$uuid is a version 4 UUID, fixed by the request seed', async () => {
  const request = { expressions: ['$uuid()', '$uuid()', '[$uuid(), $uuid()]'], seed: [1, 2] };
  const first = await run(request);
  const again = await run(request);
  assert.deepEqual(first, again);
  const ids = [first[0].value, first[1].value, ...first[2].value];
  ids.forEach((id) => assert.match(id, UUID_V4));
  assert.equal(new Set(ids).size, 4);
  const otherSeed = await run({ ...request, seed: [1, 3] });
  assert.notEqual(otherSeed[0].value, first[0].value);
  const otherHigh = await run({ ...request, seed: [2, 2] });
  assert.notEqual(otherHigh[0].value, first[0].value);
  assert.match(await value('$uuid()'), UUID_V4); // no seed: still a UUID
});

test('$random without a seed argument comes from the request seed', async () => {
  const request = { expressions: ['$random()', '$random()', '[1..100].$random()'], seed: [7, 0xffffffff] };
  const first = await run(request);
  assert.deepEqual(first, await run(request));
  const draws = [first[0].value, first[1].value, ...first[2].value];
  draws.forEach((d) => assert.ok(d >= 0 && d < 1, String(d)));
  assert.ok(new Set(draws).size === draws.length);
  assert.notDeepEqual(await run({ ...request, seed: [8, 0xffffffff] }), first);
});

test('$random with a seed is a function of the seed alone (Java Random.nextDouble)', async () => {
  // Values from `new java.util.Random(seed).nextDouble()` (and String.hashCode for strings).
  assert.equal(await value('$random(42)', { seed: [1, 1] }), 0.7275636800328681);
  assert.equal(await value('$random(42)', { seed: [2, 2] }), 0.7275636800328681);
  assert.equal(await value('$random(42.9)'), 0.7275636800328681);
  assert.equal(await value('$random(-7)'), 0.2691218093260761);
  assert.equal(await value("$random('hello')"), 0.3571948252764453);
  assert.equal(await value("$random('héllo😀')"), 0.2866021391532879);
  assert.notEqual(await value('$random(43)'), 0.7275636800328681);
  assert.equal((await error('$random(true)')).code, 'T0410');
});

// --- $parse -----------------------------------------------------------------------------------

test('$parse reads JSON and reports bad JSON clearly', async () => {
  assert.deepEqual(await value(`$parse('{"a": [1, 2], "b": null}')`), { a: [1, 2], b: null });
  assert.equal(await value("$parse('3')"), 3);
  assert.deepEqual(await value('$parse($states.input.body).n', { bindings: { states: { input: { body: '{"n":1}' } } } }), 1);
  const e = await error("$parse('{bad')");
  assert.equal(e.code, 'SF0003');
  assert.match(e.message, /not valid JSON/);
  assert.equal(e.token, 'parse');
  assert.equal(typeof e.position, 'number');
  assert.deepEqual(await one('$parse(nothing)'), { undefined: true });
});

// --- the clock --------------------------------------------------------------------------------

test('$now and $millis read the request clock', async () => {
  const now = Date.UTC(2024, 0, 1);
  assert.equal(await value('$millis()', { now }), now);
  assert.equal(await value('$now()', { now }), '2024-01-01T00:00:00.000Z');
  assert.equal(await value("$now('[Y0001]-[M01]-[D01]')", { now }), '2024-01-01');
  assert.equal(await value("$now('[H01]:[m01]', '+0530')", { now }), '05:30');
  assert.equal(await value('$now()', { now: now + 1234 }), '2024-01-01T00:00:01.234Z');
  assert.equal(await value('$millis()', { now, standard: true }), now);
  assert.equal((await error('$now(1)', { now })).code, 'T0410');
  const real = await value('$millis()');
  assert.ok(Math.abs(real - Date.now()) < 60000);
});

// --- $eval and standard mode ------------------------------------------------------------------

test('$eval is refused in Step Functions mode', async () => {
  const e = await error("$eval('1 + 1')");
  assert.equal(e.code, 'SF0001');
  assert.match(e.message, /\$eval.*not supported in AWS Step Functions/);
  assert.equal(e.token, 'eval');
  assert.equal((await error("$map(['1'], $eval)")).code, 'SF0001');
});

test('standard mode is plain JSONata', async () => {
  const standard = { standard: true };
  assert.equal(await value("$eval('1 + 1')", standard), 2);
  assert.equal((await error('$partition([1], 1)', standard)).code, 'T1006');
  assert.equal((await error("$hash('a', 'MD5')", standard)).code, 'T1006');
  assert.equal((await error('$random(1)', standard)).code, 'T0410');
  const seeded = { standard: true, seed: [3, 4], expressions: ['$random()'] };
  assert.deepEqual(await run(seeded), await run(seeded));
});

// --- limits -----------------------------------------------------------------------------------

test('depth limit: non-terminating recursion is a U1001 stack overflow', async () => {
  const e = await error('($f := function($x) { 1 + $f($x) }; $f(1))', { depth: 300, timelimit: 5000 });
  assert.equal(e.code, 'U1001');
  assert.match(e.message, /^Stack overflow error/);
});

test('time limit: an infinite tail-recursive loop is a U1001 timeout', async () => {
  const started = Date.now();
  const e = await error('($f := function($x) { $f($x) }; $f(1))', { timelimit: 200, depth: 1000 });
  assert.equal(e.code, 'U1001');
  assert.match(e.message, /^Expression evaluation timeout/);
  assert.ok(Date.now() - started < 5000);
});

test('limits leave ordinary expressions alone and do not stick to the cache', async () => {
  assert.equal(await value('$sum([1..10])', { depth: 100, timelimit: 1000 }), 55);
  assert.equal((await error('$sum([1..10])', { depth: 1 })).code, 'U1001');
  assert.equal(await value('$sum([1..10])'), 55);
  assert.equal(await value('$count([1..1000].($ * 2))', { depth: 50 }), 1000); // parallel items are not nested
});

// --- check ------------------------------------------------------------------------------------

test('check reports syntax errors with their position', () => {
  assert.equal(host.check('$states.input.x + 1'), 'null');
  const e = JSON.parse(host.check('$states.input.x +'));
  assert.equal(e.code, 'S0207');
  assert.equal(e.position, 17);
  assert.equal(typeof e.message, 'string');
  const unclosed = JSON.parse(host.check('{"a": 1'));
  assert.equal(typeof unclosed.position, 'number');
  assert.equal(host.check("'a' + 1"), 'null'); // a runtime error is not a syntax error
});

test('the operators JSONata gained after 2.0.6 (?? and ?:), which Step Functions lacks, are refused', async () => {
  for (const expression of ['$a ?? 1', '$a ?: 1']) {
    const e = JSON.parse(host.check(expression));
    assert.equal(e.code, 'S0211', expression);
    const entry = await one(expression, { bindings: { a: 1 } });
    assert.equal(entry.error.code, 'S0211', expression);
  }
  assert.equal(host.check('$a ? 1 : 2'), 'null', 'the conditional operator itself is fine');
});

// --- runner -----------------------------------------------------------------------------------

let failed = 0;
for (const { name, fn } of tests) {
  try {
    await fn();
    console.log(`ok    ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL  ${name}\n      ${String(e && e.message).split('\n').join('\n      ')}`);
  }
}
console.log(`\n${tests.length - failed} passed, ${failed} failed, ${tests.length} tests`);
process.exit(failed ? 1 : 0);
