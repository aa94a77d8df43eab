;; stack_underflow.wat - an invalid module: type mismatch: the operand stack is empty
(module
  (func (export "_start") (drop)))
