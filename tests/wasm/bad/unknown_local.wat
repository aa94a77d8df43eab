;; unknown_local.wat - an invalid module: unknown local 5
(module
  (func (export "_start") (local i32) (drop (local.get 5))))
