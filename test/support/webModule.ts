import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * A module of web/src that imports nothing at run time (type imports are erased), compiled from its
 * source and run: web/ is an ES module package built by Vite, which jest's CommonJS runtime cannot import.
 */
export function loadWebModule<T>(relativePath: string): T {
  const source = fs.readFileSync(path.join(__dirname, '..', '..', 'web', 'src', relativePath), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const module = { exports: {} as T };
  new Function('module', 'exports', 'require', outputText)(module, module.exports, () => {
    throw new Error(`${relativePath} imports a module at run time: loadWebModule runs only self-contained modules`);
  });
  return module.exports;
}
