'use strict';
// Liftoff's stand-in for Lambda's Node.js runtime, for one invocation on this machine. It loads the handler
// from LAMBDA_TASK_ROOT as Lambda does (.js, .mjs, .cjs; CommonJS or ES module), calls it with the event and a
// context, and writes what Lambda would answer to the result file.
// argv: eventFile resultFile requestId timeoutMs invokedFunctionArn
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { pathToFileURL } = require('node:url');
const { performance } = require('node:perf_hooks');

const [eventFile, resultFile, requestId, timeoutMs, invokedFunctionArn] = process.argv.slice(2);
const started = performance.now();
let finished = false;

function write(result) {
  if (finished) return;
  finished = true;
  fs.writeFileSync(resultFile, JSON.stringify(result));
}

function errorPayload(error, type) {
  if (error instanceof Error) {
    return {
      errorType: type ?? error.name ?? 'Error',
      errorMessage: error.message,
      trace: typeof error.stack === 'string' ? error.stack.split('\n') : [],
    };
  }
  return { errorType: type ?? typeof error, errorMessage: String(error), trace: [] };
}

// Lambda prefixes each console line with the time, the request id and the level.
for (const [method, level] of [['log', 'INFO'], ['info', 'INFO'], ['debug', 'DEBUG'], ['warn', 'WARN'], ['error', 'ERROR'], ['trace', 'TRACE']]) {
  const stream = level === 'WARN' || level === 'ERROR' || level === 'TRACE' ? process.stderr : process.stdout;
  console[method] = (...args) => stream.write(`${new Date().toISOString()}\t${requestId}\t${level}\t${util.format(...args).replace(/\n/g, '\r')}\n`);
}

async function loadHandler() {
  const root = process.env.LAMBDA_TASK_ROOT;
  const handler = process.env._HANDLER;
  const slash = handler.lastIndexOf('/');
  const dot = handler.indexOf('.', slash + 1);
  const modulePath = handler.slice(0, dot);
  const exportPath = handler.slice(dot + 1);
  const base = path.resolve(root, modulePath);
  const file = ['.js', '.mjs', '.cjs'].map((e) => base + e).find((f) => fs.existsSync(f));
  if (!file) {
    const error = new Error(`Cannot find module '${modulePath}'`);
    throw Object.assign(error, { lambdaType: 'Runtime.ImportModuleError', message: `Error: Cannot find module '${modulePath}'` });
  }
  let mod;
  try {
    if (file.endsWith('.mjs')) mod = await import(pathToFileURL(file).href);
    else {
      try {
        mod = require(file);
      } catch (e) {
        // A .js file in a package of "type": "module" is an ES module: Lambda imports it.
        if (e && e.code === 'ERR_REQUIRE_ESM') mod = await import(pathToFileURL(file).href);
        else throw e;
      }
    }
  } catch (e) {
    if (e instanceof SyntaxError) e.lambdaType = 'Runtime.UserCodeSyntaxError';
    else if (e && e.code === 'MODULE_NOT_FOUND') e.lambdaType = 'Runtime.ImportModuleError';
    throw e;
  }
  const find = (m) => exportPath.split('.').reduce((v, k) => (v == null ? undefined : v[k]), m);
  let fn = find(mod);
  if (typeof fn !== 'function' && mod && mod.default) fn = find(mod.default);
  if (typeof fn !== 'function') {
    const error = new Error(`${modulePath}.${exportPath} is undefined or not exported`);
    throw Object.assign(error, { lambdaType: 'Runtime.HandlerNotFound' });
  }
  return fn;
}

function contextFor(deadline) {
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: requestId,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: undefined,
    clientContext: undefined,
    getRemainingTimeInMillis: () => Math.max(0, Math.round(deadline - Date.now())),
  };
  return context;
}

(async () => {
  let handler;
  try {
    handler = await loadHandler();
  } catch (e) {
    write({ error: errorPayload(e, e && e.lambdaType ? e.lambdaType : undefined), initMs: performance.now() - started });
    process.exit(0);
  }
  const initMs = performance.now() - started;
  const event = JSON.parse(fs.readFileSync(eventFile, 'utf8'));
  const deadline = Date.now() + Number(timeoutMs);
  // Tells Liftoff that init is over and the function's timeout starts now.
  process.stderr.write(`LIFTOFF-INVOKE-START ${requestId}\n`);
  const invokeStarted = performance.now();
  const context = contextFor(deadline);
  const done = (error, result) => {
    const durationMs = performance.now() - invokeStarted;
    if (error !== undefined && error !== null) return { error: errorPayload(error), initMs, durationMs };
    try {
      return { payload: JSON.stringify(result === undefined ? null : result), initMs, durationMs };
    } catch (e) {
      return { error: errorPayload(e, 'Runtime.MarshalError'), initMs, durationMs };
    }
  };

  let callbackResult;
  const callback = (error, result) => {
    if (callbackResult) return;
    callbackResult = done(error, result);
    // Lambda answers a callback once the event loop is empty, unless the handler said not to wait.
    if (!context.callbackWaitsForEmptyEventLoop) {
      write(callbackResult);
      process.exit(0);
    }
  };
  context.done = callback;
  context.succeed = (result) => callback(null, result);
  context.fail = (error) => callback(error);
  process.on('beforeExit', () => {
    write(callbackResult ?? done(null, null));
    process.exit(0);
  });
  process.on('uncaughtException', (e) => {
    write(done(e));
    process.exit(0);
  });
  process.on('unhandledRejection', (e) => {
    write(done(e));
    process.exit(0);
  });

  let returned;
  try {
    returned = handler(event, context, callback);
  } catch (e) {
    write(done(e));
    process.exit(0);
  }
  if (returned && typeof returned.then === 'function') {
    // An async handler's answer is its promise's: Lambda does not wait for the event loop then.
    try {
      const result = await returned;
      write(done(null, result));
    } catch (e) {
      write(done(e));
    }
    process.exit(0);
  }
})();
