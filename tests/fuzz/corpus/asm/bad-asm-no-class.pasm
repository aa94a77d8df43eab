; expect: t.pasm:2: error: .field outside a class
.field x
