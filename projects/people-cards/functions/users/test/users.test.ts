import test from 'node:test';
import assert from 'node:assert/strict';
import { Users, validate } from '../src/users';
import { MemoryStore } from '../src/memory-store';

function users(store = new MemoryStore()) {
  let n = 0;
  return new Users(store, () => new Date('2026-03-04T05:06:07Z'), () => `u-${++n}`);
}

test('create trims the name and lowercases the e-mail', async () => {
  const user = await users().create({ name: '  Grace Hopper ', email: 'Grace@Navy.MIL' });
  assert.deepEqual(user, {
    id: 'u-1', name: 'Grace Hopper', email: 'grace@navy.mil',
    createdAt: '2026-03-04T05:06:07.000Z', updatedAt: '2026-03-04T05:06:07.000Z',
  });
});

test('list is sorted by name', async () => {
  const service = users();
  await service.create({ name: 'Zed', email: 'z@example.com' });
  await service.create({ name: 'Ann', email: 'a@example.com' });
  assert.deepEqual((await service.list()).map((u) => u.name), ['Ann', 'Zed']);
});

test('update keeps the creation time and an unknown id is undefined', async () => {
  const service = users();
  const created = await service.create({ name: 'Ann', email: 'a@example.com' });
  const updated = await service.update(created.id, { name: 'Ann Lee', email: 'a@example.com', title: 'CTO' });
  assert.equal(updated?.title, 'CTO');
  assert.equal(updated?.createdAt, created.createdAt);
  assert.equal(await service.update('missing', { name: 'x', email: 'x@example.com' }), undefined);
});

test('delete says whether there was a user', async () => {
  const service = users();
  const created = await service.create({ name: 'Ann', email: 'a@example.com' });
  assert.equal(await service.delete(created.id), true);
  assert.equal(await service.delete(created.id), false);
});

test('validation lists every problem, unknown fields too', () => {
  assert.deepEqual(validate({ email: 'nope', admin: true }), [
    'name is required (up to 100 characters)',
    'email must be an e-mail address',
    'unknown fields: admin',
  ]);
});
