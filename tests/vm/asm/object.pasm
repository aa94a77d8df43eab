; object.pasm - the root class has no superclass.
.class .internal.object
.source "object.ph"

.method equals (*)* ordinal 4
    load 0
    load 1
    refeq
    return
.end
