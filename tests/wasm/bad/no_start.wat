;; no_start.wat - a module that is not a WASI command: no _start.
(module
  (func (export "main")))
