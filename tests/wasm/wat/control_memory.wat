;; control_memory.wat - memory at its bounds, memory.grow up to the
;; maximum, bulk memory (copy, fill, init, data.drop), multi-value blocks
;; and functions, loops with parameters, br_table, call_indirect through
;; an element segment, and mutable globals.  Prints "ok"; a failed check
;; exits with its number.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (type $binop (func (param i32 i32) (result i32)))
  (memory 1 3)
  (table 4 funcref)
  (global $counter (mut i32) (i32.const 10))
  (global $big i64 (i64.const 0x123456789))
  (data (i32.const 16) "ok\n")
  (data $passive "\01\02\03\04\05")
  (elem (i32.const 1) $add $sub)
  (func $add (type $binop) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $binop) (i32.sub (local.get 0) (local.get 1)))
  (func $swap (param i32 i32) (result i32 i32) (local.get 1) (local.get 0))
  (func $eq (param $got i32) (param $want i32) (param $id i32)
    (if (i32.ne (local.get $got) (local.get $want)) (then (call $exit (local.get $id)))))
  (func $classify (param i32) (result i32)
    (block $d (block $c (block $b (block $a
      (br_table $a $b $c $d (local.get 0)))
      (return (i32.const 100)))
      (return (i32.const 101)))
      (return (i32.const 102)))
    (i32.const 103))
  (func (export "_start") (local $i i32) (local $sum i32)
    ;; the last bytes of memory, and memory.size / memory.grow
    (i32.store8 (i32.const 65535) (i32.const 0xAB))
    (call $eq (i32.load8_u (i32.const 65535)) (i32.const 0xAB) (i32.const 1))
    (call $eq (i32.load offset=65532 (i32.const 0)) (i32.const 0xAB000000) (i32.const 2))
    (call $eq (memory.size) (i32.const 1) (i32.const 3))
    (call $eq (memory.grow (i32.const 1)) (i32.const 1) (i32.const 4))
    (call $eq (i32.load8_u (i32.const 65536)) (i32.const 0) (i32.const 5))
    (i32.store (i32.const 131068) (i32.const 7))
    (call $eq (memory.grow (i32.const 2)) (i32.const -1) (i32.const 6))
    (call $eq (memory.grow (i32.const 1)) (i32.const 2) (i32.const 7))
    (call $eq (memory.size) (i32.const 3) (i32.const 8))
    (call $eq (memory.grow (i32.const 0)) (i32.const 3) (i32.const 9))
    ;; bulk memory
    (memory.fill (i32.const 1000) (i32.const 0x5A) (i32.const 100))
    (call $eq (i32.load8_u (i32.const 1099)) (i32.const 0x5A) (i32.const 10))
    (call $eq (i32.load8_u (i32.const 1100)) (i32.const 0) (i32.const 11))
    (memory.copy (i32.const 1050) (i32.const 1000) (i32.const 100))
    (call $eq (i32.load8_u (i32.const 1149)) (i32.const 0x5A) (i32.const 12))
    (memory.init $passive (i32.const 2000) (i32.const 1) (i32.const 4))
    (call $eq (i32.load (i32.const 2000)) (i32.const 0x05040302) (i32.const 13))
    (data.drop $passive)
    (memory.init $passive (i32.const 2000) (i32.const 0) (i32.const 0))
    ;; multi-value
    (call $eq (call $sub (call $swap (i32.const 3) (i32.const 10))) (i32.const 7) (i32.const 14))
    (call $eq (block (result i32 i32) (i32.const 1) (i32.const 2)) (drop) (i32.const 1) (i32.const 15))
    ;; a loop with a parameter: sum 1..10
    (local.set $sum
      (i32.const 0)
      (loop $l (param i32) (result i32)
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (i32.add (local.get $i))
        (br_if $l (i32.lt_u (local.get $i) (i32.const 10)))))
    (call $eq (local.get $sum) (i32.const 55) (i32.const 16))
    ;; br_table: in range, and out of range to the default
    (call $eq (call $classify (i32.const 0)) (i32.const 100) (i32.const 17))
    (call $eq (call $classify (i32.const 2)) (i32.const 102) (i32.const 18))
    (call $eq (call $classify (i32.const 99)) (i32.const 103) (i32.const 19))
    ;; call_indirect
    (call $eq (call_indirect (type $binop) (i32.const 8) (i32.const 5) (i32.const 1)) (i32.const 13) (i32.const 20))
    (call $eq (call_indirect (type $binop) (i32.const 8) (i32.const 5) (i32.const 2)) (i32.const 3) (i32.const 21))
    ;; globals
    (global.set $counter (i32.add (global.get $counter) (i32.const 5)))
    (call $eq (global.get $counter) (i32.const 15) (i32.const 22))
    (call $eq (i32.wrap_i64 (i64.shr_u (global.get $big) (i64.const 32))) (i32.const 1) (i32.const 23))
    ;; if / else with results
    (call $eq (if (result i32) (i32.const 0) (then (i32.const 1)) (else (i32.const 2))) (i32.const 2) (i32.const 24))
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 3))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
