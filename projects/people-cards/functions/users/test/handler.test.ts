import test from 'node:test';
import assert from 'node:assert/strict';
import { createHandler } from '../src/index';
import { Users } from '../src/users';
import { MemoryStore } from '../src/memory-store';

function api() {
  let n = 0;
  return createHandler(new Users(new MemoryStore(), () => new Date('2026-03-04T05:06:07Z'), () => `u-${++n}`));
}

test('a user goes through create, get, update, list and delete', async () => {
  const handle = api();
  const created = await handle({ httpMethod: 'POST', resource: '/users', body: JSON.stringify({ name: 'Ann', email: 'a@example.com' }) });
  assert.equal(created.statusCode, 201);
  const id = JSON.parse(created.body).id;

  const got = await handle({ httpMethod: 'GET', resource: '/users/{id}', pathParameters: { id } });
  assert.equal(JSON.parse(got.body).name, 'Ann');

  const updated = await handle({ httpMethod: 'PUT', resource: '/users/{id}', pathParameters: { id }, body: JSON.stringify({ name: 'Ann Lee', email: 'a@example.com' }) });
  assert.equal(JSON.parse(updated.body).name, 'Ann Lee');

  const listed = await handle({ httpMethod: 'GET', resource: '/users' });
  assert.deepEqual(JSON.parse(listed.body).users.map((u: { id: string }) => u.id), [id]);

  const deleted = await handle({ httpMethod: 'DELETE', resource: '/users/{id}', pathParameters: { id } });
  assert.equal(deleted.statusCode, 204);
  const gone = await handle({ httpMethod: 'GET', resource: '/users/{id}', pathParameters: { id } });
  assert.equal(gone.statusCode, 404);
});

test('an invalid user is 400 with the problems', async () => {
  const response = await api()({ httpMethod: 'POST', resource: '/users', body: JSON.stringify({ name: '' }) });
  assert.equal(response.statusCode, 400);
  assert.equal(JSON.parse(response.body).problems.length, 2);
});

test('GET /health answers ok', async () => {
  const response = await api()({ httpMethod: 'GET', resource: '/health' });
  assert.deepEqual(JSON.parse(response.body), { status: 'ok' });
});
