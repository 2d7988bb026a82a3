// Each message is a job: {"kind": "resize" | "notify", ...}. A job it cannot do is reported back to SQS,
// so only that message returns to the queue (ReportBatchItemFailures), not the whole batch.
const known = new Set(['resize', 'notify']);

exports.handler = async (event) => {
  const failures = [];
  for (const record of event.Records ?? []) {
    let job;
    try {
      job = JSON.parse(record.body);
    } catch {
      job = {};
    }
    if (!known.has(job.kind)) failures.push({ itemIdentifier: record.messageId });
  }
  return { batchItemFailures: failures };
};
