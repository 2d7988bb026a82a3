namespace Liftoff.Packaging;

/// <summary>
/// The few lines each runtime runs to load a handler from the staging folder as if it were the artifact.
/// Arguments: the staging folder (real path), the module, the export (Python: then the folders of the function's
/// layers, searched after it as Lambda searches /opt; Node reads those from NODE_PATH); standard input: the artifact's entry
/// names, one a line. A file under the folder that is not an entry is not there, as in Lambda: node's
/// resolver answers MODULE_NOT_FOUND, a read answers ENOENT, python's open raises FileNotFoundError. Every
/// entry the runtime read is printed after <see cref="LoadedMarker"/> (a JSON array), so the caller can
/// prove those bytes are the artifact's. Exit 0: loaded and callable; any other code: stderr says why.
/// </summary>
internal static class HandlerLoaderScripts
{
    public const string LoadedMarker = "liftoff-loaded:";

    // Lambda's Node runtime tries .js, .mjs then .cjs; a .js that is an ES module (package.json
    // "type": "module") makes require() fail with ERR_REQUIRE_ESM, and Lambda then imports it, as here.
    // node runs with --preserve-symlinks: Compile links node_modules' packages into the staging folder,
    // and their files must be seen where the artifact puts them, not where the links lead.
    // process.exit: a module that opens a connection at load time would otherwise keep node alive.
    public const string Node = """
        const Module = require('module');
        const path = require('path');
        const fs = require('fs');
        const { pathToFileURL, fileURLToPath } = require('url');
        const { MessageChannel, receiveMessageOnPort } = require('worker_threads');
        const [root, modulePath, exportPath] = process.argv.slice(1);
        const entries = new Set(fs.readFileSync(0, 'utf8').split('\n').filter(Boolean));
        const folders = new Set([...entries].flatMap(e => e.split('/').slice(0, -1).map((_, i, p) => p.slice(0, i + 1).join('/'))));
        const prefix = root + path.sep;
        const loaded = new Set();
        const entryOf = f => f.startsWith(prefix) ? f.slice(prefix.length).split(path.sep).join('/') : null;
        const absent = f => { const n = entryOf(f); return n !== null && !entries.has(n) && !folders.has(n); };
        const notInArtifact = f => `${entryOf(f)} is in the staging folder but not in the artifact`;

        const resolveFilename = Module._resolveFilename;
        Module._resolveFilename = function (request, ...rest) {
          const file = resolveFilename.call(this, request, ...rest);
          if (path.isAbsolute(file) && absent(file))
            throw Object.assign(new Error(`Cannot find module '${request}' (${notInArtifact(file)})`), { code: 'MODULE_NOT_FOUND' });
          return file;
        };
        const fileOf = p => typeof p === 'string' ? path.resolve(p) : p instanceof URL ? fileURLToPath(p) : Buffer.isBuffer(p) ? path.resolve(p.toString()) : null;
        const denied = p => {
          const f = fileOf(p);
          if (f === null || !absent(f)) { if (f !== null && entryOf(f) !== null) loaded.add(entryOf(f)); return null; }
          return Object.assign(new Error(`ENOENT: no such file or directory, open '${f}' (${notInArtifact(f)})`), { code: 'ENOENT', errno: -2, syscall: 'open', path: f });
        };
        for (const name of ['readFileSync', 'openSync', 'createReadStream']) {
          const original = fs[name];
          fs[name] = function (p, ...rest) { const e = denied(p); if (e) throw e; return original.call(this, p, ...rest); };
        }
        for (const name of ['readFile', 'open']) {
          const original = fs[name];
          fs[name] = function (p, ...rest) {
            const e = denied(p);
            if (e) { const cb = rest.findLast(a => typeof a === 'function'); if (cb) return process.nextTick(cb, e); throw e; }
            return original.call(this, p, ...rest);
          };
        }
        for (const name of ['readFile', 'open']) {
          const original = fs.promises[name];
          fs.promises[name] = function (p, ...rest) { const e = denied(p); return e ? Promise.reject(e) : original.call(this, p, ...rest); };
        }

        // ES modules resolve off this thread: the hooks refuse what the artifact lacks and report what loads.
        const { port1, port2 } = new MessageChannel();
        Module.register('data:text/javascript,' + encodeURIComponent(`
          import { fileURLToPath } from 'node:url';
          let entries, folders, prefix, port;
          export function initialize(data) { ({ prefix, port } = data); entries = new Set(data.entries); folders = new Set(data.folders); }
          export async function resolve(specifier, context, next) {
            const result = await next(specifier, context);
            if (result.url.startsWith('file:')) {
              const file = fileURLToPath(result.url);
              if (file.startsWith(prefix)) {
                const name = file.slice(prefix.length).split('${path.sep === '\\' ? '\\\\' : path.sep}').join('/');
                if (!entries.has(name)) throw Object.assign(new Error('Cannot find module ' + file + ' imported from ' + context.parentURL + ' (' + name + ' is in the staging folder but not in the artifact)'), { code: 'ERR_MODULE_NOT_FOUND' });
                port.postMessage(name);
              }
            }
            return result;
          }`), { data: { entries: [...entries], folders: [...folders], prefix, port: port2 }, transferList: [port2] });
        const report = () => {
          for (let m; (m = receiveMessageOnPort(port1)); ) loaded.add(m.message);
          for (const f of Object.keys(require.cache)) if (entryOf(f) !== null) loaded.add(entryOf(f));
          process.stdout.write('\nliftoff-loaded:' + JSON.stringify([...loaded]) + '\n');
        };

        const base = path.join(root, modulePath);
        const file = ['.js', '.mjs', '.cjs'].map(e => base + e).find(f => entries.has(entryOf(f)));
        (async () => {
          let mod;
          if (file.endsWith('.mjs')) mod = await import(pathToFileURL(file).href);
          else {
            try { mod = require(file); }
            catch (e) {
              if (e && e.code === 'ERR_REQUIRE_ESM') mod = await import(pathToFileURL(file).href);
              else throw e;
            }
          }
          const find = m => exportPath.split('.').reduce((v, k) => (v == null ? undefined : v[k]), m);
          let fn = find(mod);
          if (typeof fn !== 'function' && mod && mod.default) fn = find(mod.default);
          if (typeof fn !== 'function') {
            console.error(`${path.relative(root, file)} does not export a function '${exportPath}' (it is ${typeof fn}).`);
            process.exit(3);
          }
          report();
          process.exit(0);
        })().catch(e => { console.error(e && e.stack ? e.stack : String(e)); process.exit(2); });
        """;

    // An audit hook sees every open, the import system's included; extension modules are loaded without
    // one, so the modules' own files are listed at the end too. abspath, not realpath: the artifact holds
    // linked files where the link is.
    public const string Python = """
        import importlib, json, os, sys
        root, module, attribute = sys.argv[1:4]
        entries = set(sys.stdin.read().split('\n')) - {''}
        folders = {'/'.join(e.split('/')[:i]) for e in entries for i in range(1, e.count('/') + 1)}
        prefix = root + os.sep
        loaded = set()

        def entry_of(path):
            try:
                path = os.path.abspath(os.fsdecode(path))
            except (TypeError, ValueError):
                return None
            return path[len(prefix):].replace(os.sep, '/') if path.startswith(prefix) else None

        def audit(event, args):
            if event != 'open' or isinstance(args[0], int) or args[0] is None:
                return
            name = entry_of(args[0])
            if name is None or name in folders:
                return
            if name not in entries:
                raise FileNotFoundError(2, f'No such file or directory ({name} is in the staging folder but not in the artifact)', os.fsdecode(args[0]))
            loaded.add(name)

        sys.addaudithook(audit)
        sys.path.insert(0, root)
        sys.path.extend(sys.argv[4:])
        target = importlib.import_module(module)
        for part in attribute.split('.'):
            target = getattr(target, part, None)
        if not callable(target):
            print(f"{module} has no callable '{attribute}' (it is {type(target).__name__}).", file=sys.stderr)
            sys.exit(3)
        for m in list(sys.modules.values()):
            name = entry_of(getattr(m, '__file__', None) or '')
            if name is not None:
                if name not in entries:
                    print(f"{m.__name__} was loaded from {name}, which is in the staging folder but not in the artifact.", file=sys.stderr)
                    sys.exit(4)
                loaded.add(name)
        sys.stdout.write('\nliftoff-loaded:' + json.dumps(sorted(loaded)) + '\n')
        """;
}
