;; immutable_global.wat - an invalid module: global is immutable
(module
  (global $g i32 (i32.const 0))
  (func (export "_start") (global.set $g (i32.const 1))))
