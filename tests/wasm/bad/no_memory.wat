;; no_memory.wat - an invalid module: unknown memory 0
(module
  (func (export "_start") (drop (i32.load (i32.const 0)))))
