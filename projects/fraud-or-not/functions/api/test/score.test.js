'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { validate, score } = require('../lib/score');

const honest = { email: 'ada.lovelace@example.com', name: 'Ada Lovelace', amount: 42, cardCountry: 'GB', ipCountry: 'GB' };

test('an ordinary payment is not fraud', () => {
  assert.deepEqual(score(honest), { score: 0, verdict: 'not-fraud', reasons: [] });
});

test('a disposable domain, a large amount and a foreign IP add up to fraud', () => {
  const result = score({ ...honest, email: 'ada.lovelace@mailinator.com', amount: 2500, ipCountry: 'BR' });
  assert.equal(result.verdict, 'fraud');
  assert.equal(result.score, 90);
  assert.equal(result.reasons.length, 3);
});

test('a mailbox unlike the holder name alone is not enough to flag', () => {
  const result = score({ ...honest, email: 'zq9x@example.com' });
  assert.equal(result.score, 10);
  assert.equal(result.verdict, 'not-fraud');
});

test('validation lists every problem', () => {
  assert.deepEqual(validate({ email: 'nope', amount: -1, cardCountry: 'gb' }), [
    'email must be an e-mail address',
    'name is required',
    'amount must be a positive number',
    'cardCountry must be a two-letter country code',
  ]);
});
