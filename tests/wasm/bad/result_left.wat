;; result_left.wat - an invalid module: type mismatch: 1 value left on the stack at the end of the block
(module
  (func (export "_start") (i32.const 1)))
