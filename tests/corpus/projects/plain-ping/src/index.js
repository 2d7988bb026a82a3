// A health check: which service answers, and since when this instance is up.
const started = new Date().toISOString();

exports.handler = async () => ({
  statusCode: 200,
  body: JSON.stringify({ service: process.env.SERVICE ?? 'unknown', status: 'ok', since: started }),
});
