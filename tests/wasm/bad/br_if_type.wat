;; br_if_type.wat - an invalid module: type mismatch: expected i32, found f32
(module
  (func (export "_start") (drop (block (result i32) (br_if 0 (f32.const 1) (i32.const 1))))))
