;; unknown_label.wat - an invalid module: unknown label 3
(module
  (func (export "_start") (block (br 3))))
