" Vim syntax file for Phantom assembly (.pasm, docs/BYTECODE.md).
if exists("b:current_syntax")
  finish
endif
syn match   pasmDirective "^\s*\.\%(class\|interface\|implements\|source\|field\|method\|end\|locals\|stack\|line\|catch\|byte\)\>"
syn keyword pasmModifier  static abstract ctor synchronized final extends ordinal from to using any
syn match   pasmLabel     "^\s*\h\w*:"
syn match   pasmName      "\.\h\w*\%(\.\h\w*\)*"
syn match   pasmNumber    "-\=\<\d\+[lLf]\=\>"
syn match   pasmNumber    "\<0[xX]\x\+\>"
syn region  pasmString    start=+"+ skip=+\\\\\|\\"+ end=+"+
syn match   pasmComment   "[;#].*$"
hi def link pasmDirective PreProc
hi def link pasmModifier  Keyword
hi def link pasmLabel     Label
hi def link pasmName      Identifier
hi def link pasmNumber    Number
hi def link pasmString    String
hi def link pasmComment   Comment
let b:current_syntax = "pasm"
