;; unknown_function.wat - an invalid module: unknown function 7
(module
  (func (export "_start") (call 7)))
