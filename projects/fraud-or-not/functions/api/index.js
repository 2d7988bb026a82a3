'use strict';

const { randomUUID } = require('node:crypto');
const { validate, score } = require('./lib/score');
const { dynamoDbChecks } = require('./lib/checks-table');

function json(statusCode, body) {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** Builds the API Gateway (REST, proxy integration) handler around a store of checks. */
function createHandler(checks, clock = () => new Date()) {
  return async (event) => {
    const route = `${event.httpMethod} ${event.resource}`;
    if (route === 'GET /health') return json(200, { status: 'ok' });
    if (route !== 'POST /check') return json(404, { message: `no route ${route}` });

    let request;
    try {
      request = JSON.parse(event.body ?? '');
    } catch {
      return json(400, { message: 'the body must be JSON' });
    }
    const problems = validate(request);
    if (problems.length > 0) return json(400, { message: 'invalid check', problems });

    const result = score(request);
    const check = { id: randomUUID(), createdAt: clock().toISOString(), ...result };
    await checks.record(check);
    return json(200, check);
  };
}

let handler;
exports.createHandler = createHandler;
exports.handler = async (event) => {
  handler ??= createHandler(dynamoDbChecks(process.env.TABLE_NAME));
  return handler(event);
};
