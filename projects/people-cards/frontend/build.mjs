// Copies the site from src/ into dist/, naming each script and stylesheet after its content hash
// (app.3f2a9c1b.js) so CloudFront and browsers may cache them for ever; index.html, which names
// them, is the one file served uncached. Node only: no bundler to download.
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.join(here, 'src');
const output = path.join(here, 'dist');

await rm(output, { recursive: true, force: true });
await mkdir(output, { recursive: true });

const renamed = new Map();
for (const name of (await readdir(source)).sort()) {
  const extension = path.extname(name);
  if (extension !== '.js' && extension !== '.css') continue;
  const content = await readFile(path.join(source, name));
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 8);
  const hashed = `${path.basename(name, extension)}.${hash}${extension}`;
  await writeFile(path.join(output, hashed), content);
  renamed.set(name, hashed);
}

for (const name of (await readdir(source)).sort()) {
  if (renamed.has(name)) continue;
  if (name.endsWith('.html')) {
    let html = await readFile(path.join(source, name), 'utf8');
    for (const [original, hashed] of renamed) html = html.replaceAll(`"${original}"`, `"${hashed}"`);
    await writeFile(path.join(output, name), html);
  } else {
    await cp(path.join(source, name), path.join(output, name), { recursive: true });
  }
}
console.log(`built ${renamed.size + 1} files into ${path.relative(process.cwd(), output) || '.'}`);
