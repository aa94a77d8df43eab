" Vim syntax file for the Phantom language (.ph) and Phantom assembly (.pasm
" has its own file, pasm.vim).  Install: copy editors/vim/ into ~/.vim/ (or
" add it to 'runtimepath').  Keywords follow src/compiler/lex.h.
if exists("b:current_syntax")
  finish
endif

syn keyword phantomKeyword   attribute break case catch class const continue default do else
syn keyword phantomKeyword   extends finally for foreach if implements import instanceof interface
syn keyword phantomKeyword   new package private protected public return static super switch
syn keyword phantomKeyword   synchronized throw try var while
syn keyword phantomType      bool char double float int long string void
syn keyword phantomConstant  true false null this
syn match   phantomAbsName   "\.\%(internal\|phantom\)\%(\.\h\w*\)\+"
syn match   phantomOrdinal   "\[\s*\d\+\s*\]\ze\s*[{;]"
syn match   phantomAttr      "@\h\w*"
syn match   phantomRefCmp    ":==\|:!="
syn match   phantomNumber    "\<\d\+[lL]\=\>"
syn match   phantomNumber    "\<0[xX]\x\+[lL]\=\>"
syn match   phantomFloat     "\<\d\+\.\d*\%([eE][-+]\=\d\+\)\=[fFdD]\=\>"
syn match   phantomFloat     "\<\d\+[eE][-+]\=\d\+[fFdD]\=\>"
syn match   phantomEscape    contained "\\[nrt0\\'\"]"
syn region  phantomString    start=+"+ skip=+\\\\\|\\"+ end=+"+ contains=phantomEscape
syn match   phantomChar      "'\%(\\.\|[^\\']\)'" contains=phantomEscape
syn keyword phantomTodo      contained TODO FIXME XXX NOTE
syn region  phantomComment   start="/\*" end="\*/" contains=phantomTodo
syn match   phantomComment   "//.*$" contains=phantomTodo

hi def link phantomKeyword  Statement
hi def link phantomType     Type
hi def link phantomConstant Constant
hi def link phantomAbsName  Identifier
hi def link phantomOrdinal  Special
hi def link phantomAttr     PreProc
hi def link phantomRefCmp   Operator
hi def link phantomNumber   Number
hi def link phantomFloat    Float
hi def link phantomString   String
hi def link phantomChar     Character
hi def link phantomEscape   SpecialChar
hi def link phantomTodo     Todo
hi def link phantomComment  Comment

let b:current_syntax = "phantom"
