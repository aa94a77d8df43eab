; expect: t.pasm:3: error: unknown directive .frobnicate
.class .bad.a
.frobnicate
