; expect: t.phc: class .internal.object: .internal.object cannot have a superclass (offset 46)
; mutate: u32 46 2
.class .internal.object
