;; memory_import.wat - an import this engine cannot satisfy.
(module
  (import "env" "memory" (memory 1))
  (func (export "_start")))
