;; trap_conv.wat - a trap: reported on standard error with the function's
;; name and the instruction's offset, exit status 1, output before it kept.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory 1)
  (table 2 funcref)
  (type $v (func))
  (data (i32.const 16) "before\n")
  (func $print
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 7))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
  (func $victim (drop (i32.trunc_f32_s (f32.const nan))))
  (func (export "_start")
    (call $print)
    (call $victim)))
