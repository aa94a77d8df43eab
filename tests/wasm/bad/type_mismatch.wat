;; type_mismatch.wat - an invalid module: type mismatch: expected i32, found i64
(module
  (func (export "_start") (drop (i32.add (i32.const 1) (i64.const 2)))))
