; expect: t.pasm:2: error: constant 2: the class name "foo" is not a full class name (offset 24)
.class foo
