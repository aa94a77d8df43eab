// bench/wasm/run_wasi.mjs - runs a WASI command module under Node.js's
// WebAssembly with node's built-in WASI (preview 1), for
// bench/wasm_compare.sh:  node run_wasi.mjs PROG.wasm [ARGS...]
// The module's exit status is the process's.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';
import { argv, env } from 'node:process';

const wasi = new WASI({ version: 'preview1', args: argv.slice(2), env, preopens: {} });
const module = await WebAssembly.compile(readFileSync(argv[2]));
const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
process.exitCode = wasi.start(instance);
