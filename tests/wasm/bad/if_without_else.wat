;; if_without_else.wat - an invalid module: an if without else must have the same param and result types
(module
  (func (export "_start") (drop (if (result i32) (i32.const 1) (then (i32.const 1))))))
