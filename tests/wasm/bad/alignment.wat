;; alignment.wat - an invalid module: alignment must not be larger than natural
(module
  (memory 1)
  (func (export "_start") (drop (i32.load align=8 (i32.const 0)))))
