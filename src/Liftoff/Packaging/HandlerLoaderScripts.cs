namespace Liftoff.Packaging;

/// <summary>
/// The few lines each runtime runs to load a handler from an extracted artifact. Arguments: the extract
/// folder, the module, the export (Python: then the layers' folders, searched after the artifact as Lambda
/// searches /opt; Node reads those from NODE_PATH). Exit 0: loaded and callable; any other code: stderr says why.
/// </summary>
internal static class HandlerLoaderScripts
{
    // Lambda's Node runtime tries .js, .mjs then .cjs; a .js that is an ES module (package.json
    // "type": "module") makes require() fail with ERR_REQUIRE_ESM, and Lambda then imports it, as here.
    // process.exit: a module that opens a connection at load time would otherwise keep node alive.
    public const string Node = """
        const path = require('path');
        const fs = require('fs');
        const { pathToFileURL } = require('url');
        const [root, modulePath, exportPath] = process.argv.slice(1);
        const base = path.join(root, modulePath);
        const file = ['.js', '.mjs', '.cjs'].map(e => base + e).find(f => fs.existsSync(f));
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
          process.exit(0);
        })().catch(e => { console.error(e && e.stack ? e.stack : String(e)); process.exit(2); });
        """;

    public const string Python = """
        import importlib, sys
        root, module, attribute = sys.argv[1:4]
        sys.path.insert(0, root)
        sys.path.extend(sys.argv[4:])
        target = importlib.import_module(module)
        for part in attribute.split('.'):
            target = getattr(target, part, None)
        if not callable(target):
            print(f"{module} has no callable '{attribute}' (it is {type(target).__name__}).", file=sys.stderr)
            sys.exit(3)
        """;
}
