'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { createHandler } = require('../index');

function memoryChecks() {
  const recorded = [];
  return { recorded, async record(check) { recorded.push(check); } };
}

test('GET /health answers ok', async () => {
  const response = await createHandler(memoryChecks())({ httpMethod: 'GET', resource: '/health' });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(JSON.parse(response.body), { status: 'ok' });
});

test('POST /check scores and records the check', async () => {
  const checks = memoryChecks();
  const handler = createHandler(checks, () => new Date('2026-01-02T03:04:05Z'));
  const body = JSON.stringify({ email: 'ada@example.com', name: 'Ada', amount: 10, cardCountry: 'GB' });
  const response = await handler({ httpMethod: 'POST', resource: '/check', body });
  assert.equal(response.statusCode, 200);
  const check = JSON.parse(response.body);
  assert.equal(check.verdict, 'not-fraud');
  assert.equal(check.createdAt, '2026-01-02T03:04:05.000Z');
  assert.deepEqual(checks.recorded, [check]);
});

test('POST /check refuses a body that is not JSON', async () => {
  const response = await createHandler(memoryChecks())({ httpMethod: 'POST', resource: '/check', body: '{' });
  assert.equal(response.statusCode, 400);
});

test('an unknown route is 404', async () => {
  const response = await createHandler(memoryChecks())({ httpMethod: 'DELETE', resource: '/check' });
  assert.equal(response.statusCode, 404);
});
